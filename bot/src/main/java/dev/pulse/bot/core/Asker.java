package dev.pulse.bot.core;

import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Principal;
import dev.pulse.streams.read.TenantStateReader;

/**
 * Who asks, resolved: their chat identity, their directory entry, and the reader wrapped in their
 * scope, which is the only reader commands use.
 */
record Asker(
        ChatUser chat,
        DirectoryUser person,
        Principal principal,
        AccessScope scope,
        TenantStateReader reader) {}
