package dev.pulse.backfill.publish;

import dev.pulse.topologies.engagement.BackfilledDay;

/** Where the job's tenant-days go, in the order the job emits them (day, then tenant). */
public interface DaySink extends AutoCloseable {

    void accept(BackfilledDay day);

    /** Returns once every accepted day is stored; throws if one could not be. */
    void flush();

    @Override
    void close();
}
