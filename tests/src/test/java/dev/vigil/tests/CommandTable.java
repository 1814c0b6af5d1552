package dev.vigil.tests;

import dev.vigil.runtime.cli.VigilCli;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The README's command table as the CLI defines it: one row per subcommand with its parameters and
 * options and the first sentence of its description. The options of the log-format mixin, shared by
 * several commands, are one token, {@code [FORMAT OPTIONS]}, spelled out below the table.
 */
final class CommandTable {
    /** The token standing for the format options in a row. */
    static final String FORMAT_TOKEN = "[FORMAT OPTIONS]";
    private static final String FORMAT_MIXIN = "format";

    private CommandTable() {
    }

    /** The table's Markdown, header, rows and the format options' line. */
    static String markdown() {
        CommandLine vigil = VigilCli.commandLine();
        StringBuilder sb = new StringBuilder("| command | what it does |\n|---|---|\n");
        Set<String> formatOptions = new LinkedHashSet<>();
        for (Map.Entry<String, CommandLine> e : vigil.getSubcommands().entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            if (spec.userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            sb.append("| `").append(synopsis(spec, formatOptions).replace("|", "\\|")).append("` | ")
                    .append(spec.usageMessage().description()[0]).append(" |\n");
        }
        sb.append("\n").append(FORMAT_TOKEN).append(" (for files that do not describe themselves fully): ")
                .append(formatOptions.stream().map(o -> "`" + o + "`").collect(Collectors.joining(", "))).append(".\n");
        return sb.toString();
    }

    private static String synopsis(CommandSpec spec, Set<String> formatOptions) {
        List<String> parts = new ArrayList<>();
        parts.add("vigil " + spec.name());
        for (PositionalParamSpec p : spec.positionalParameters()) {
            parts.add(p.paramLabel() + (p.arity().max() > 1 ? "..." : ""));
        }
        Set<OptionSpec> grouped = new LinkedHashSet<>();
        for (ArgGroupSpec g : spec.argGroups()) {
            grouped.addAll(g.allOptionsNested());
        }
        Set<OptionSpec> format = spec.mixins().containsKey(FORMAT_MIXIN)
                ? new LinkedHashSet<>(spec.mixins().get(FORMAT_MIXIN).options()) : Set.of();
        boolean formatShown = false;
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp() || o.hidden() || grouped.contains(o)) {
                continue;
            }
            if (format.stream().anyMatch(f -> f.longestName().equals(o.longestName()))) {
                formatOptions.add(option(o));
                if (!formatShown) {
                    parts.add(FORMAT_TOKEN);
                    formatShown = true;
                }
                continue;
            }
            parts.add(o.required() ? option(o) : "[" + option(o) + "]");
        }
        for (ArgGroupSpec g : spec.argGroups()) {
            parts.add("[" + g.allOptionsNested().stream().map(CommandTable::option)
                    .collect(Collectors.joining(g.exclusive() ? " | " : " ")) + "]");
        }
        return String.join(" ", parts);
    }

    private static String option(OptionSpec o) {
        String name = List.of(o.names()).stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        return o.arity().max() == 0 ? name : name + " " + o.paramLabel();
    }
}
