/** HTTP ingest of usage events and accounts: body formats, validation, publishing, results. */
package dev.pulse.api.ingest;
