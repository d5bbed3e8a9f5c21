package dev.pulse.bot.core;

import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Principal;

/**
 * Who asks, resolved: their chat identity, their directory entry, and the {@link Caller} the use
 * cases take, whose reader is the only one commands use.
 */
record Asker(ChatUser chat, DirectoryUser person, Caller caller) {
    Principal principal() {
        return caller.principal();
    }

    AccessScope scope() {
        return caller.scope();
    }
}
