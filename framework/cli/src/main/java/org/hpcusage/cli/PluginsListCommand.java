package org.hpcusage.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.plugin.ExtensionModule;
import org.hpcusage.core.plugin.Extensions;
import org.hpcusage.core.plugin.PluginHost;
import org.hpcusage.core.plugin.Registry;
import org.hpcusage.core.report.output.Column;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.Report;
import org.pf4j.PluginWrapper;

/** {@code plugins list}: what is installed and what each plugin contributes. */
final class PluginsListCommand extends LeafCommand {
    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "List plugins: id, version, origin and the extensions each contributes.";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    @Override
    protected String examples() {
        return "hpcusage plugins list\nhpcusage plugins list --plugins-dir /opt/site/plugins --format json";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        PluginHost host = ctx.plugins();
        Extensions extensions = ctx.extensions();
        // origin -> extension names ("parser pbs", "charging-rule node-exclusive", ...)
        Map<String, List<String>> contributions = new TreeMap<>();
        collect(contributions, host, "parser", extensions.parsers());
        collect(contributions, host, "generator", extensions.generators());
        collect(contributions, host, "charging-rule", extensions.chargingRules());
        collect(contributions, host, "machines", extensions.catalogs());
        collect(contributions, host, "scan-format", extensions.scanParsers());
        collect(contributions, host, "scan-source", extensions.scanSources());
        collect(contributions, host, "source", extensions.sources());

        List<Map<String, Object>> rows = new ArrayList<>();
        for (PluginWrapper plugin : host.plugins()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", plugin.getPluginId());
            row.put("version", plugin.getDescriptor().getVersion());
            row.put("state", plugin.getPluginState().toString().toLowerCase());
            row.put("origin", plugin.getPluginPath().toString());
            row.put("extensions", String.join(", ", contributions.getOrDefault("plugin " + plugin.getPluginId(), List.of())));
            rows.add(row);
        }
        List<String> onClassPath = contributions.get("class path");
        if (onClassPath != null) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", "(class path)");
            row.put("version", Version.project());
            row.put("state", "started");
            row.put("origin", "class path");
            row.put("extensions", String.join(", ", onClassPath));
            rows.add(row);
        }
        Report report = Report.builder("plugins")
                .field("plugin_dirs", host.roots().stream().map(Object::toString).toList())
                .field("extension_points", ExtensionModule.POINTS.stream().map(Class::getSimpleName).toList())
                .columns(List.of(new Column("id", "Id", 12, "s"), new Column("version", "Version", 10, "s"),
                        new Column("state", "State", 9, "s"), new Column("origin", "Origin", 40, "s"),
                        new Column("extensions", "Extensions", 0, "s")))
                .rows(rows).build();
        ctx.reports().write(report, ctx.format(OutputFormat.TABLE), java.nio.file.Path.of("."), "plugins");
        if (rows.isEmpty()) {
            ctx.err().println("hpcusage: no plugins found in " + host.roots());
        }
        return 0;
    }

    private static <T> void collect(Map<String, List<String>> into, PluginHost host, String label, Registry<T> registry) {
        registry.all().forEach((name, extension) ->
                into.computeIfAbsent(host.originOf(extension.getClass()), k -> new ArrayList<>()).add(label + " " + name));
    }
}
