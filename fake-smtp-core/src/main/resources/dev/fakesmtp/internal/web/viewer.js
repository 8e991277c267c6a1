// fake-smtp live viewer: keeps the mailbox page current through server-sent events.
// Builds rows with textContent only: captured mail never becomes markup here.
(function () {
  'use strict';
  var rows = document.getElementById('message-rows');
  if (!rows || typeof EventSource === 'undefined') {
    return;
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) { s = '0' + s; }
    return s;
  }

  function time(iso) {
    var d = new Date(iso);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1, 2) + '-' + pad(d.getDate(), 2) + ' ' +
      pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2) + '.' +
      pad(d.getMilliseconds(), 3);
  }

  function size(bytes) {
    if (bytes < 1024) { return bytes + ' B'; }
    if (bytes < 1024 * 1024) { return (bytes / 1024).toFixed(1) + ' KiB'; }
    return (bytes / (1024 * 1024)).toFixed(1) + ' MiB';
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function badge(td, text) {
    var span = document.createElement('span');
    span.className = 'badge';
    span.textContent = text;
    td.appendChild(span);
  }

  function row(mail) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-id', mail.id);
    cell(tr, time(mail.receivedAt));
    cell(tr, mail.mailFrom === '' ? '<>' : mail.mailFrom);
    cell(tr, mail.recipients.join(', '));
    var subject = cell(tr, '');
    var link = document.createElement('a');
    link.href = mail.href;
    link.textContent = mail.subject === null ? '(no subject)' : mail.subject;
    subject.appendChild(link);
    cell(tr, size(mail.size)).className = 'num';
    var security = cell(tr, '');
    if (mail.tls) { badge(security, mail.tls.protocol); }
    if (mail.authenticatedUser) { badge(security, 'AUTH ' + mail.authenticatedUser); }
    if (!mail.tls && !mail.authenticatedUser) {
      security.textContent = 'plain';
      security.className = 'muted';
    }
    return tr;
  }

  function refresh() {
    fetch('/api/messages', { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (mails) {
        var shown = Array.prototype.map.call(rows.children, function (tr) { return tr.getAttribute('data-id'); });
        if (shown.join(' ') === mails.map(function (mail) { return mail.id; }).join(' ')) {
          return; // nothing new: leave the rows (and the user's selection) alone
        }
        var fresh = document.createDocumentFragment();
        mails.forEach(function (mail) { fresh.appendChild(row(mail)); });
        rows.replaceChildren(fresh);
        document.getElementById('message-count').textContent =
          mails.length + (mails.length === 1 ? ' message' : ' messages');
        document.getElementById('no-messages').hidden = mails.length > 0;
      });
  }

  var events = new EventSource('/events');
  events.addEventListener('mail', refresh);
  // A reconnect may have missed mail: catch up.
  events.addEventListener('open', refresh);
  var live = document.getElementById('live');
  if (live) { live.textContent = 'Live: new mail appears here as it arrives.'; }
}());
