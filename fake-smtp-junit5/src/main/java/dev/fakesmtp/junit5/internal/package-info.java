/** The extension's machinery; not an API, may change in any release. */
package dev.fakesmtp.junit5.internal;
