/** UTC day and bucket arithmetic shared by the resources that read history. */
package dev.pulse.api.time;
