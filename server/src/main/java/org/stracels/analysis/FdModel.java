package org.stracels.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stracels.parse.CancelCheck;

/**
 * The life of every file descriptor in a trace: which call made each fd (an {@link FdInstance}), in which
 * fd tables it was held and until when ({@link FdLife}: one per table, since a fork copies the table and
 * each copy is closed on its own), and every place the trace shows it (a use: the offset of the fd number).
 *
 * <p>Built in one pass by {@link FdModelBuilder} on first need, not with the trace: diagnostics do not pay
 * for it. Stored as int arrays: about 12 bytes per fd use and 40 per instance and life.
 */
public final class FdModel {
    /** Where an fd instance came from. */
    public enum Origin {
        /** A call in the trace made it. */
        CREATED,
        /** It was open before the trace began: used before any call made it (0, 1, 2 and the like). */
        INHERITED,
        /**
         * A -y decoration showed a file the model did not expect at this number (a call it does not know made
         * it): the decoration wins, and the instance starts at the first use that showed it.
         */
        INFERRED
    }

    /** How an fd's life in one table ended. */
    public enum End { OPEN, CLOSED, REPLACED_BY_DUP, CLOSE_ON_EXEC, EXIT, REPLACED_UNSEEN }

    /**
     * One fd made by one call. {@code line}/{@code offset}: where the trace shows it made (the fd number of
     * the result or of the array element); for an inherited fd, the first line of the process that had it and
     * -1. {@code creator}: the syscall, null unless CREATED. {@code dupOf}: the instance it duplicates, or -1.
     * {@code nameStart}/{@code nameEnd}: the decoration or path that names it, or -1.
     */
    public record FdInstance(int id, int fd, Origin origin, int line, int offset, String creator, int dupOf,
            int processId, int nameStart, int nameEnd) {
        /** The decoration or path naming the fd, as the trace prints it; null if unknown. */
        public String name(CharSequence text) {
            return nameStart < 0 ? null : text.subSequence(nameStart, nameEnd).toString();
        }
    }

    /**
     * An instance held in one fd table: from {@code fromLine} (its creation, or the fork that copied it) to
     * {@code endLine} (-1 while open at the end of the trace). {@code processId}: the process whose table it is
     * (the first of the processes sharing it).
     */
    public record FdLife(int id, int instance, int processId, int fromLine, int endLine, End end, boolean cloexec) { }

    private static final Origin[] ORIGINS = Origin.values();
    private static final End[] ENDS = End.values();

    private final FdRecords records;
    private final List<String> names;
    private final int[] useOffsets;
    private final int[] useLives;
    /** Uses grouped by life: lifeUseStart[l] .. lifeUseStart[l+1] index into usesByLife. */
    private final int[] lifeUseStart;
    private final int[] usesByLife;
    /** Lives grouped by instance. */
    private final int[] instanceLifeStart;
    private final int[] livesByInstance;

    FdModel(FdRecords records, List<String> names, int[] useOffsets, int[] useLives) {
        this.records = records;
        this.names = names;
        this.useOffsets = useOffsets;
        this.useLives = useLives;
        int lives = records.lifeCount();
        lifeUseStart = new int[lives + 1];
        usesByLife = group(useLives, lives, lifeUseStart);
        int[] lifeInstance = new int[lives];
        for (int l = 0; l < lives; l++) {
            lifeInstance[l] = records.lifeInstance(l);
        }
        instanceLifeStart = new int[records.instanceCount() + 1];
        livesByInstance = group(lifeInstance, records.instanceCount(), instanceLifeStart);
    }

    /** Builds the model of {@code trace}: one pass over its lines. */
    public static FdModel build(Trace trace, CancelCheck cancel) {
        return new FdModelBuilder(trace.parsed(), trace.model(), cancel).build();
    }

    /** Counting sort: the indexes of {@code keys}, grouped by key, in index order within a key. */
    private static int[] group(int[] keys, int keyCount, int[] start) {
        for (int k : keys) {
            start[k + 1]++;
        }
        for (int k = 0; k < keyCount; k++) {
            start[k + 1] += start[k];
        }
        int[] next = Arrays.copyOf(start, keyCount);
        int[] grouped = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            grouped[next[keys[i]]++] = i;
        }
        return grouped;
    }

    /** The use whose fd number starts at {@code offset}, or -1. */
    public int useAt(int offset) {
        int i = Arrays.binarySearch(useOffsets, offset);
        return i >= 0 ? i : -1;
    }

    public int useCount() {
        return useOffsets.length;
    }

    /** Offset of the fd number of use {@code use}. */
    public int useOffset(int use) {
        return useOffsets[use];
    }

    public FdLife lifeOfUse(int use) {
        return life(useLives[use]);
    }

    public FdInstance instanceOfUse(int use) {
        return instance(records.lifeInstance(useLives[use]));
    }

    public int instanceCount() {
        return records.instanceCount();
    }

    public FdInstance instance(int id) {
        int creator = records.instCreator(id);
        return new FdInstance(id, records.instFd(id), ORIGINS[records.instOrigin(id)], records.instLine(id),
                records.instOffset(id), creator < 0 ? null : names.get(creator), records.instDupOf(id),
                records.instProcess(id), records.instNameStart(id), records.instNameEnd(id));
    }

    public FdLife life(int id) {
        return new FdLife(id, records.lifeInstance(id), records.lifeProcess(id), records.lifeFrom(id),
                records.lifeEnd(id), ENDS[records.lifeEndReason(id)], records.lifeCloexec(id));
    }

    /** Every table the instance was held in, in the order the lives began. */
    public List<FdLife> lives(int instance) {
        List<FdLife> lives = new ArrayList<>();
        for (int i = instanceLifeStart[instance]; i < instanceLifeStart[instance + 1]; i++) {
            lives.add(life(livesByInstance[i]));
        }
        return lives;
    }

    /** The uses of one life, in text order. */
    public int[] usesOfLife(int life) {
        int[] uses = new int[lifeUseStart[life + 1] - lifeUseStart[life]];
        for (int i = 0; i < uses.length; i++) {
            uses[i] = usesByLife[lifeUseStart[life] + i];
        }
        return uses;
    }

    /** Every use of the instance, in every table that held it, in text order. */
    public int[] usesOf(int instance) {
        int count = 0;
        for (int i = instanceLifeStart[instance]; i < instanceLifeStart[instance + 1]; i++) {
            int life = livesByInstance[i];
            count += lifeUseStart[life + 1] - lifeUseStart[life];
        }
        int[] uses = new int[count];
        int n = 0;
        for (int i = instanceLifeStart[instance]; i < instanceLifeStart[instance + 1]; i++) {
            int life = livesByInstance[i];
            for (int j = lifeUseStart[life]; j < lifeUseStart[life + 1]; j++) {
                uses[n++] = usesByLife[j];
            }
        }
        Arrays.sort(uses); // use indexes are in text order
        return uses;
    }

    /**
     * The instance process {@code processId} held at number {@code fd} on {@code line} (-1 if none): for
     * following an fd into another file of an -ff trace. A scan over the lives: not for hot paths.
     */
    public int instanceAt(int processId, int fd, int line) {
        int t = processId >= 0 ? records.tableOfProcess(processId) : -1;
        if (t < 0) {
            return -1;
        }
        for (int l = 0; l < records.lifeCount(); l++) {
            int instance = records.lifeInstance(l);
            if (records.lifeTable(l) == t && records.instFd(instance) == fd && records.lifeFrom(l) <= line
                    && (records.lifeEnd(l) < 0 || records.lifeEnd(l) >= line)) {
                return instance;
            }
        }
        return -1;
    }

    /** Bytes held by the model's arrays. */
    public long bytes() {
        return 4L * (useOffsets.length + useLives.length + lifeUseStart.length + usesByLife.length
                + instanceLifeStart.length + livesByInstance.length) + records.bytes();
    }

    /** Uses are recorded in line order, which is text order except for rare cut lines: sort when needed. */
    static int sortByOffset(int[] offsets, int[] lives) {
        boolean sorted = true;
        for (int i = 1; i < offsets.length && sorted; i++) {
            sorted = offsets[i - 1] < offsets[i];
        }
        if (sorted) {
            return offsets.length;
        }
        long[] pairs = new long[offsets.length];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = ((long) offsets[i] << 32) | (lives[i] & 0xffffffffL);
        }
        Arrays.sort(pairs);
        int n = 0;
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0 && (pairs[i] >>> 32) == (pairs[i - 1] >>> 32)) {
                continue; // the same place seen twice keeps its first life
            }
            offsets[n] = (int) (pairs[i] >>> 32);
            lives[n++] = (int) pairs[i];
        }
        return n;
    }
}
