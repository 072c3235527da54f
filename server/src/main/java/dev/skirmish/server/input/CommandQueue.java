package dev.skirmish.server.input;

import dev.skirmish.game.input.InputCommand;

/**
 * One player's input commands between arrival and application: each command number is applied once,
 * in ascending order, whatever order and how many times the (redundant, unreliable) updates bring it.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Once, in order.</b> A command numbered at or below the last one taken is redundant and
 *       ignored; so is one already waiting.</li>
 *   <li><b>Gaps are not waited for.</b> {@link #poll} takes the lowest waiting number even when
 *       numbers below it never arrived; those count as lost, and if they turn up later they are
 *       redundant.</li>
 *   <li><b>One per tick, bounded catch-up.</b> Each tick grants one credit, banked up to
 *       {@code backlogLimit}; each command taken spends one, and at most
 *       {@value #MAX_COMMANDS_PER_TICK} are taken per tick. A client whose commands stalled in the
 *       network thus catches up on what it lost, but over any stretch of time no player gets more
 *       commands applied than ticks passed plus the bank: a fast client clock cannot speed its player
 *       up.</li>
 *   <li><b>Bounded backlog.</b> At most {@code backlogLimit} commands wait; beyond that the oldest is
 *       dropped ({@link InputRejection#BACKLOG_OVERFLOW}), which also bounds the input latency a
 *       client running fast can build up.</li>
 *   <li><b>Plausible numbers.</b> Once a command has been taken, one numbered more than
 *       {@code maxNumberJump} beyond it is refused ({@link InputRejection#COMMAND_NUMBER_JUMP}): it would
 *       make every honest command after it look redundant.</li>
 * </ul>
 *
 * <p>Preallocated: offering and polling never allocate. Not thread-safe.
 */
public final class CommandQueue {

    /** Most commands applied for one player in one tick (one, plus one of catch-up). */
    public static final int MAX_COMMANDS_PER_TICK = 2;

    /** {@link #lastTaken()} before any command was taken. */
    public static final int NONE = -1;

    /** What {@link #offer} did with a command. */
    public enum Offer {
        /** Queued. */
        QUEUED,
        /** Already applied, skipped or waiting: ignored. */
        REDUNDANT,
        /** Queued, and the oldest waiting command was dropped to make room. */
        QUEUED_DROPPING_OLDEST,
        /** Older than everything waiting in a full queue: dropped itself. */
        DROPPED_BACKLOG_FULL,
        /** Numbered implausibly far ahead: refused. */
        REFUSED_NUMBER_JUMP
    }

    private final InputCommand[] waiting;
    private final InputCommand taken = new InputCommand();
    private final int backlogLimit;
    private final int maxNumberJump;
    private int count;
    private int lastTaken = NONE;
    private int credits;
    private int takenThisTick;
    private long applied;
    private long redundant;
    private long lost;

    /**
     * @param backlogLimit  commands that may wait (2 or more); also the most ticks of credit banked
     * @param maxNumberJump how far beyond the last taken command a number may be (1 or more)
     */
    public CommandQueue(int backlogLimit, int maxNumberJump) {
        if (backlogLimit < 2) {
            throw new IllegalArgumentException("backlog limit must be >= 2, got " + backlogLimit);
        }
        if (maxNumberJump < 1) {
            throw new IllegalArgumentException("max number jump must be >= 1, got " + maxNumberJump);
        }
        this.backlogLimit = backlogLimit;
        this.maxNumberJump = maxNumberJump;
        this.waiting = new InputCommand[backlogLimit + 1];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = new InputCommand();
        }
    }

    /** Offers one received command (copied; the caller keeps its object). */
    public Offer offer(InputCommand command) {
        int number = command.commandNumber();
        if (lastTaken != NONE && number <= lastTaken) {
            redundant++;
            return Offer.REDUNDANT;
        }
        if (lastTaken != NONE && number - lastTaken > maxNumberJump) {
            return Offer.REFUSED_NUMBER_JUMP;
        }
        int position = 0;
        while (position < count && waiting[position].commandNumber() < number) {
            position++;
        }
        if (position < count && waiting[position].commandNumber() == number) {
            redundant++;
            return Offer.REDUNDANT;
        }
        if (count == backlogLimit) {
            if (position == 0) {
                return Offer.DROPPED_BACKLOG_FULL;
            }
            removeOldest();
            position--;
            insert(position, command);
            return Offer.QUEUED_DROPPING_OLDEST;
        }
        insert(position, command);
        return Offer.QUEUED;
    }

    /** Starts a tick: grants one credit (banked up to the backlog limit). */
    public void beginTick() {
        credits = Math.min(credits + 1, backlogLimit);
        takenThisTick = 0;
    }

    /**
     * The next command to apply this tick, or null when none is waiting, the credit is spent, or this
     * tick's limit is reached. The returned object is reused by the next call.
     */
    public InputCommand poll() {
        if (count == 0 || credits == 0 || takenThisTick == MAX_COMMANDS_PER_TICK) {
            return null;
        }
        taken.copyFrom(waiting[0]);
        removeOldest();
        int number = taken.commandNumber();
        if (lastTaken != NONE && number > lastTaken + 1) {
            lost += number - lastTaken - 1;
        }
        lastTaken = number;
        credits--;
        takenThisTick++;
        applied++;
        return taken;
    }

    /** Number of the last command taken, or {@link #NONE}. */
    public int lastTaken() {
        return lastTaken;
    }

    /** Commands waiting. */
    public int size() {
        return count;
    }

    /** Commands taken so far. */
    public long applied() {
        return applied;
    }

    /** Copies ignored as already applied, skipped or waiting (normal: every update repeats a few). */
    public long redundant() {
        return redundant;
    }

    /** Command numbers skipped because they had not arrived when a later one was taken. */
    public long lost() {
        return lost;
    }

    private void insert(int position, InputCommand command) {
        InputCommand slot = waiting[count];
        System.arraycopy(waiting, position, waiting, position + 1, count - position);
        waiting[position] = slot.copyFrom(command);
        count++;
    }

    private void removeOldest() {
        InputCommand oldest = waiting[0];
        System.arraycopy(waiting, 1, waiting, 0, count - 1);
        waiting[count - 1] = oldest;
        count--;
    }
}
