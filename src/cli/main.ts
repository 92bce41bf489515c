#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { EXIT } from './exit-codes.js';
import { toolVersion } from './package-info.js';
import { UsageError } from './usage-error.js';

const SEVERITY_CHOICES = ['critical', 'high', 'medium', 'low', 'info', 'none'];

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function main(argv: readonly string[]): Promise<number> {
  const program = new Command()
    .name('inferguard')
    .description('Security review of the infrastructure-as-code that serves ML models.')
    .version(toolVersion())
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  let exitCode: number = EXIT.clean;

  program
    .command('scan')
    .description('Scan files and directories ("-" reads a manifest from standard input).')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .addOption(new Option('-f, --format <format>', 'report on standard output').choices(['text', 'json', 'sarif']).default('text'))
    .option('-o, --output <format=file>', 'also write a report to a file, e.g. sarif=results.sarif (repeatable)', collect, [])
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(SEVERITY_CHOICES))
    .option('-c, --config <file>', 'configuration file (default: .inferguard.yaml found upward from the scanned path)')
    .option('--include <glob>', 'only scan paths matching the glob (repeatable)', collect, [])
    .option('--exclude <glob>', 'skip paths matching the glob (repeatable)', collect, [])
    .option('--max-file-size <size>', 'skip larger files (bytes, or with KiB / MiB)')
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--var-file <file>', 'Terraform variables file, as `terraform plan -var-file` (repeatable)', collect, [])
    .option('--var <name=value>', 'Terraform variable, as `terraform plan -var` (repeatable)', collect, [])
    .option('--strict', 'report IG-PARSE-004 where a rule could not resolve a Terraform value (known only at apply, or a variable without value)')
    .option('--color', 'force colours in text output')
    .option('--no-color', 'never use colours')
    .option('-v, --verbose', 'show suppressed findings in text output')
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { runScan } = await import('./scan-command.js');
      exitCode = await runScan(paths, options);
    });

  program
    .command('paths')
    .description('Attack paths across Kubernetes and Terraform (the graph rules), worst first, each hop with file:line.')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .addOption(new Option('-f, --format <format>', 'report on standard output (SARIF carries each path as a codeFlow; mermaid and html draw the serving graph with the paths highlighted, html as one self-contained page)').choices(['text', 'json', 'sarif', 'mermaid', 'html']).default('text'))
    .option('-o, --output <format=file>', 'also write a report to a file, e.g. html=paths.html (repeatable)', collect, [])
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a path is at or above this severity').choices(SEVERITY_CHOICES))
    .option('-c, --config <file>', 'configuration file')
    .option('--include <glob>', 'only scan paths matching the glob (repeatable)', collect, [])
    .option('--exclude <glob>', 'skip paths matching the glob (repeatable)', collect, [])
    .option('--var-file <file>', 'Terraform variables file (repeatable)', collect, [])
    .option('--var <name=value>', 'Terraform variable (repeatable)', collect, [])
    .option('--color', 'force colours in text output')
    .option('--no-color', 'never use colours')
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { runPaths } = await import('./scan-command.js');
      exitCode = await runPaths(paths, options);
    });

  program
    .command('threats')
    .description('A STRIDE threat model per model endpoint: threats with their MITRE ATLAS techniques, the mitigations present (with evidence) and missing, and the findings that open them.')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .addOption(new Option('-f, --format <format>', 'report on standard output').choices(['markdown', 'json']).default('markdown'))
    .option('-o, --output <format=file>', 'also write a report to a file, e.g. json=threats.json (repeatable)', collect, [])
    .option('-c, --config <file>', 'configuration file')
    .option('--include <glob>', 'only scan paths matching the glob (repeatable)', collect, [])
    .option('--exclude <glob>', 'skip paths matching the glob (repeatable)', collect, [])
    .option('--var-file <file>', 'Terraform variables file (repeatable)', collect, [])
    .option('--var <name=value>', 'Terraform variable (repeatable)', collect, [])
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { runThreats } = await import('./scan-command.js');
      exitCode = await runThreats(paths, options);
    });

  const rules = program.command('rules').description('List the built-in rules.');
  rules
    .option('--prefix <prefix>', 'only ids starting with this, e.g. IG-K8S')
    .addOption(new Option('--severity <severity>', 'only this severity').choices(SEVERITY_CHOICES.filter((choice) => choice !== 'none')))
    .option('--json', 'machine-readable list')
    .action(async (options: { prefix?: string; severity?: string; json?: boolean }) => {
      const { listRules } = await import('./rules-command.js');
      process.stdout.write(listRules(options));
    });
  rules
    .command('explain')
    .description('Print the full documentation of a rule.')
    .argument('<id>', 'rule id or name, e.g. IG-K8S-101 or privileged-container')
    .action(async (id: string) => {
      const { explainRule } = await import('./rules-command.js');
      process.stdout.write(explainRule(id));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.clean : EXIT.usage;
    if (error instanceof UsageError) {
      process.stderr.write(`inferguard: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`inferguard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.incomplete;
  },
);
