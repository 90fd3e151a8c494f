package io.livechain.web.stream;

import io.livechain.notification.FeedCursor;
import io.livechain.shared.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The id of a notification in an event stream, which is what {@code Last-Event-ID} hands back to resume after it:
 * the position of its event in the event store, its place among that event's notifications for the subscriber, and
 * the feed's cursor just before that event (where reading resumes; it names the positions passed while their
 * transaction was still in flight, which are read when they land).
 *
 * <p>Written {@code <position>.<ordinal>} when the cursor before it is simply the position before, else
 * {@code <position>.<ordinal>.<cursor index>} and then {@code .<gap>_<gap>...} if the cursor has gaps.
 */
public record EventId(long position, int ordinal, FeedCursor before) {

    static final String HEADER = "Last-Event-ID";
    private static final int MAX_LENGTH = 4096;
    private static final int MAX_GAPS = 256;
    private static final int MAX_ORDINAL = 1000;

    static EventId of(long position, int ordinal, FeedCursor before) {
        return new EventId(position, ordinal, before);
    }

    @Override
    public String toString() {
        String id = position + "." + ordinal;
        if (before.index() == position - 1 && before.gaps().isEmpty()) {
            return id;
        }
        id += "." + before.index();
        if (!before.gaps().isEmpty()) {
            id += "."
                    + String.join(
                            "_", before.gaps().stream().map(String::valueOf).toList());
        }
        return id;
    }

    /** The id a client sent back; anything else is {@code 400 validation-failed} naming {@value #HEADER}. */
    static EventId parse(String text) {
        InvalidField.require(
                text.length() <= MAX_LENGTH && text.matches("[0-9._-]+"),
                HEADER,
                "must be the id of an event of this stream");
        String[] parts = text.split("\\.", -1);
        InvalidField.require(
                parts.length >= 2 && parts.length <= 4, HEADER, "must be the id of an event of this stream");
        long position = number(parts[0]);
        long ordinal = number(parts[1]);
        InvalidField.require(ordinal <= MAX_ORDINAL, HEADER, "must be the id of an event of this stream");
        long index = parts.length >= 3 ? (parts[2].equals("-1") ? -1 : number(parts[2])) : position - 1;
        InvalidField.require(index < position, HEADER, "must be the id of an event of this stream");
        List<Long> gaps = new ArrayList<>();
        if (parts.length == 4) {
            String[] listed = parts[3].split("_", -1);
            InvalidField.require(listed.length <= MAX_GAPS, HEADER, "must be the id of an event of this stream");
            for (String gap : listed) {
                long value = number(gap);
                InvalidField.require(value < index, HEADER, "must be the id of an event of this stream");
                gaps.add(value);
            }
        }
        return new EventId(position, (int) ordinal, new FeedCursor(index, new TreeSet<>(gaps)));
    }

    private static long number(String digits) {
        InvalidField.require(
                !digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(Character::isDigit),
                HEADER,
                "must be the id of an event of this stream");
        return Long.parseLong(digits);
    }
}
