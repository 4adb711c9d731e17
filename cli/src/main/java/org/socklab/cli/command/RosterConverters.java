package org.socklab.cli.command;

import org.socklab.cli.roster.BadInput;
import org.socklab.cli.roster.Deadline;
import org.socklab.cli.roster.LatePolicy;
import org.socklab.cli.shard.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The option values of class grading, checked while the command line is parsed. Stateless. */
final class RosterConverters {
    private RosterConverters() {}

    /** {@code --deadline}: ISO 8601 with its offset. */
    static final class DeadlineConverter implements ITypeConverter<Deadline> {
        @Override
        public Deadline convert(String value) {
            try {
                return Deadline.parse(value);
            } catch (BadInput e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --late}: {@code record} or {@code grade}. */
    static final class LateConverter implements ITypeConverter<LatePolicy> {
        @Override
        public LatePolicy convert(String value) {
            try {
                return LatePolicy.parse(value);
            } catch (BadInput e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --shard}: {@code K/N}. */
    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (BadInput e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
