package org.socklab.cli.shard;

import java.util.ArrayList;
import java.util.List;
import org.socklab.cli.roster.BadInput;
import org.socklab.cli.roster.Member;
import org.socklab.cli.roster.Roster;

/**
 * One of {@code count} parts of a roster, numbered from 1: the students at positions
 * {@code index - 1}, {@code index - 1 + count}, ... of the roster. Dealt like cards, so every
 * shard gets a mix of the roster's order and the shards' sizes differ by one at most. Immutable.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new BadInput("expected a shard K/N with 1 <= K <= N, not " + index + "/" + count);
        }
    }

    /** @throws BadInput for anything but {@code K/N} */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadInput("expected a shard such as 2/3 (the second of three), not " + text);
    }

    /** The shard that holds the roster's {@code position}-th student (from 0). */
    static Shard of(int position, int count) {
        return new Shard(position % count + 1, count);
    }

    /** This shard's part of the roster, in the roster's order. */
    public Roster of(Roster roster) {
        List<Member> members = new ArrayList<>();
        for (int i = index - 1; i < roster.members().size(); i += count) {
            members.add(roster.members().get(i));
        }
        return new Roster(members);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
