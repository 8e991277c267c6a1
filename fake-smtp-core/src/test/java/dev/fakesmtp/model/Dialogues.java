package dev.fakesmtp.model;

import static org.quicktheories.generators.Generate.booleans;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.fakesmtp.model.Tokens.BdatForm;
import dev.fakesmtp.model.Tokens.BodyLine;
import dev.fakesmtp.model.Tokens.Greeting;
import dev.fakesmtp.model.Tokens.Header;
import dev.fakesmtp.model.Tokens.MailParam;
import dev.fakesmtp.model.Tokens.Mailbox;
import dev.fakesmtp.model.Tokens.PathForm;
import dev.fakesmtp.model.Tokens.RcptParam;
import dev.fakesmtp.model.Tokens.Simple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random dialogues for the model: mostly well-formed commands in a plausible order, with every
 * kind of fault mixed in (wrong order, bad syntax, unknown parameters, line oddities, over-long
 * lines, 8-bit octets, message content that breaks the line rules or tries to smuggle commands).
 * Every choice shrinks towards the first, simplest, option, so a failure shrinks to a short
 * dialogue of plain commands.
 */
final class Dialogues {

    private Dialogues() {
    }

    /**
     * A dialogue of up to {@code maxSteps} steps: mostly an EHLO, then transactions (MAIL, RCPTs,
     * DATA or BDAT chunks) with any other step mixed in, so that most dialogues get as far as a
     * message while every command still turns up in every state.
     */
    static Gen<List<Step>> steps(int maxSteps) {
        Gen<List<Step>> opening = Generate.frequency(
                Pair.of(8, constant(List.of(new Step.Hello(true, Greeting.DOMAIN, Framing.CRLF, false)))),
                Pair.of(1, constant(List.of(new Step.Hello(false, Greeting.DOMAIN, Framing.CRLF, false)))),
                Pair.of(1, constant(List.of())),
                Pair.of(2, hello().map(Dialogues::single)));
        Gen<List<Step>> part = Generate.frequency(
                Pair.of(5, transaction()),
                Pair.of(4, step().map(Dialogues::single)),
                Pair.of(1, hello().map(Dialogues::single)));
        return opening.zip(lists().of(part).ofSizeBetween(0, 5), (first, rest) -> {
            List<Step> steps = new ArrayList<>(first);
            rest.forEach(steps::addAll);
            return List.copyOf(steps.subList(0, Math.min(maxSteps, steps.size())));
        }).describedAs(Dialogues::describe);
    }

    /** MAIL, one to four RCPTs, then DATA or BDAT chunks, each step possibly faulty. */
    private static Gen<List<Step>> transaction() {
        Gen<List<Step>> chunks = lists().of(bdat(false)).ofSizeBetween(0, 2).zip(bdat(true), (more, last) -> {
            List<Step> all = new ArrayList<>(more);
            all.add(last);
            return all;
        });
        Gen<List<Step>> end = Generate.frequency(Pair.of(3, data().map(Dialogues::single)), Pair.of(2, chunks));
        return mail().zip(lists().of(rcpt()).ofSizeBetween(1, 4), end, (mail, rcpts, last) -> {
            List<Step> steps = new ArrayList<>();
            steps.add(mail);
            steps.addAll(rcpts);
            steps.addAll(last);
            return steps;
        });
    }

    /** How the client cuts its octets into segments: nothing, or every n octets (cycled). */
    static Gen<List<Integer>> cuts() {
        return Generate.frequency(Pair.of(1, constant(List.<Integer>of())),
                Pair.of(2, lists().of(integers().between(1, 40)).ofSizeBetween(1, 3)));
    }

    static Gen<ModelServer> servers() {
        return pick(List.of(ModelServer.LENIENT, ModelServer.STRICT, ModelServer.STARTTLS, ModelServer.STRICT_STARTTLS,
                ModelServer.FEW_EXTENSIONS, ModelServer.BARE));
    }

    private static Gen<Step> step() {
        return Generate.frequency(List.of(
                Pair.of(4, command()),
                Pair.of(3, hello()),
                Pair.of(4, mail()),
                Pair.of(5, rcpt()),
                Pair.of(3, data()),
                Pair.of(3, booleans().flatMap(Dialogues::bdat))));
    }

    private static Gen<Step> hello() {
        Gen<Greeting> name = weighted(List.of(Greeting.DOMAIN, Greeting.ADDRESS_LITERAL, Greeting.NOT_A_DOMAIN,
                Greeting.UTF8_DOMAIN, Greeting.MALFORMED, Greeting.MISSING, Greeting.TWO_WORDS), 20);
        return pick(List.of(true, false)).zip(name, framing(), booleans(),
                (extended, greeting, framing, pipelined) -> new Step.Hello(extended, greeting, framing, pipelined));
    }

    private static Gen<Step> mail() {
        Gen<Mailbox> from = weighted(List.of(Mailbox.PLAIN, Mailbox.NULL, Mailbox.QUOTED, Mailbox.SOURCE_ROUTE,
                Mailbox.ADDRESS_LITERAL, Mailbox.UTF8, Mailbox.MALFORMED, Mailbox.BAD_SYNTAX, Mailbox.NO_DOMAIN,
                Mailbox.POSTMASTER, Mailbox.QUOTED_TAB, Mailbox.LONG_LOCAL_PART), 30);
        Gen<List<MailParam>> params = parameters(Arrays.asList(MailParam.values()));
        return pathForm().zip(from, params, framing(), booleans(),
                (form, address, list, framing, pipelined) -> new Step.Mail(form, address, list, framing, pipelined));
    }

    private static Gen<Step> rcpt() {
        Gen<Mailbox> to = weighted(List.of(Mailbox.OTHER, Mailbox.PLAIN, Mailbox.THIRD, Mailbox.POSTMASTER,
                Mailbox.UTF8, Mailbox.NULL, Mailbox.MALFORMED, Mailbox.BAD_SYNTAX, Mailbox.NO_DOMAIN,
                Mailbox.QUOTED_TAB, Mailbox.LONG_LOCAL_PART, Mailbox.SOURCE_ROUTE), 30);
        Gen<List<RcptParam>> params = parameters(Arrays.asList(RcptParam.values()));
        return pathForm().zip(to, params, framing(), booleans(),
                (form, address, list, framing, pipelined) -> new Step.Rcpt(form, address, list, framing, pipelined));
    }

    private static Gen<Step> data() {
        Gen<Boolean> argument = Generate.frequency(Pair.of(15, constant(false)), Pair.of(1, constant(true)));
        return argument.zip(headers(), body(), booleans(), framing(),
                (arg, headers, body, pipelined, framing) -> new Step.Data(arg, headers, body, pipelined, framing));
    }

    private static Gen<Step> bdat(boolean last) {
        Gen<BdatForm> form = weighted(Arrays.asList(BdatForm.values()), 25);
        Gen<Boolean> terminated = Generate.frequency(Pair.of(4, constant(true)), Pair.of(1, constant(false)));
        Gen<Pair<List<Header>, List<BodyLine>>> content = headers().zip(body(), Pair::of);
        return form.zip(content, terminated, framing().zip(booleans(), Pair::of),
                (f, c, t, fp) -> new Step.Bdat(f, last, c._1, c._2, t, fp._1, fp._2));
    }

    private static Gen<Step> command() {
        List<Pair<Integer, Gen<Simple>>> weights = new ArrayList<>();
        for (Simple simple : Simple.values()) {
            int weight = switch (simple) {
                case RSET, NOOP -> 6;
                case STARTTLS, AUTH_PLAIN -> 4;
                case QUIT -> 1;
                default -> 2;
            };
            weights.add(Pair.of(weight, constant(simple)));
        }
        return Generate.frequency(weights).zip(framing(), booleans(), Step.Command::new);
    }

    /** All the header fields most of the time, or any of them. */
    private static Gen<List<Header>> headers() {
        Gen<List<Header>> some = lists().of(Generate.enumValues(Header.class)).ofSizeBetween(0, 4)
                .map(list -> Arrays.stream(Header.values()).filter(list::contains).toList());
        return Generate.frequency(Pair.of(3, constant(List.of(Header.values()))), Pair.of(1, some));
    }

    private static Gen<List<BodyLine>> body() {
        Gen<BodyLine> line = weighted(Arrays.asList(BodyLine.values()), 40);
        return lists().of(line).ofSizeBetween(0, 4);
    }

    private static Gen<PathForm> pathForm() {
        return weighted(Arrays.asList(PathForm.values()), 40);
    }

    /** No parameters most of the time; otherwise up to three, repeats allowed (a duplicate is a 501). */
    private static <P> Gen<List<P>> parameters(List<P> all) {
        return Generate.frequency(Pair.of(3, constant(List.<P>of())), Pair.of(2, lists().of(pick(all)).ofSizeBetween(1, 3)));
    }

    private static Gen<Framing> framing() {
        return weighted(Arrays.asList(Framing.values()), 40);
    }

    /** The first value {@code weightOfFirst} times as likely as each of the others. */
    private static <T> Gen<T> weighted(List<T> values, int weightOfFirst) {
        List<Pair<Integer, Gen<T>>> weights = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            weights.add(Pair.of(i == 0 ? weightOfFirst : 1, constant(values.get(i))));
        }
        return Generate.frequency(weights);
    }

    private static List<Step> single(Step step) {
        return List.of(step);
    }

    private static String describe(List<Step> steps) {
        StringBuilder out = new StringBuilder("\n");
        for (Step step : steps) {
            out.append("    ").append(step).append('\n');
        }
        return out.toString();
    }
}
