// The command line of a container as Kubernetes runs it: `command` + `args` (each replacing the
// image's ENTRYPOINT / CMD), `$(VAR)` expanded from the container's literal env as the kubelet
// does, and `sh -c "…"` scripts split into words so that `exec tritonserver --flag` is read too.
import type { ContainerRef } from '../kubernetes.js';
import type { Node } from '../value.js';

/** One word of the command line and the manifest value it comes from (the whole script for `sh -c`). */
export interface CommandWord {
  readonly text: string;
  readonly node: Node;
  /** True when the word was split out of a shell script (the node is the script). */
  readonly fromScript: boolean;
  /** Where a word that is not in `command` / `args` comes from (`env VLLM_ADDITIONAL_ARGS`). */
  readonly origin?: string;
}

const SHELLS = /(^|\/)(ba|da|z|a)?sh$/;

/** Every word of `command` then `args`; shell scripts (`sh -c '…'`) contribute their words. */
export function commandWords(container: ContainerRef): CommandWord[] {
  const env = literalEnv(container);
  const items = [...container.node.get('command').items(), ...container.node.get('args').items()];
  const raw = items.flatMap((node) => {
    const text = node.str();
    return text === undefined ? [] : [{ text: expandVariables(text, env), node }];
  });
  const words: CommandWord[] = [];
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i] as { text: string; node: Node };
    words.push({ ...word, fromScript: false });
    // `sh -c SCRIPT` / `bash -lc SCRIPT`: the script is the next word.
    if (SHELLS.test(word.text) && /^-[a-z]*c[a-z]*$/.test(raw[i + 1]?.text ?? '')) {
      const flag = raw[i + 1] as { text: string; node: Node };
      const script = raw[i + 2];
      words.push({ ...flag, fromScript: false });
      if (script) {
        for (const text of shellWords(script.text)) words.push({ text, node: script.node, fromScript: true });
        i += 2;
      } else i += 1;
    }
  }
  return words;
}

/** `$(VAR)` → the value of env VAR when it is a literal; `$$(VAR)` escapes, as in Kubernetes. */
export function expandVariables(text: string, env: ReadonlyMap<string, string>): string {
  if (!text.includes('$(')) return text;
  return text.replace(/\$\$\(|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) => (name === undefined ? '$(' : (env.get(name) ?? match)));
}

function literalEnv(container: ContainerRef): Map<string, string> {
  const env = new Map<string, string>();
  for (const entry of container.node.get('env').items()) {
    const name = entry.get('name').str();
    const value = entry.get('value').str();
    if (name !== undefined && value !== undefined) env.set(name, value);
  }
  return env;
}

/**
 * Words of a POSIX shell script, enough for reading flags: quotes and backslashes honoured,
 * operators (`&&`, `;`, `|`, newlines) become their own words, variables are left as written.
 */
export function shellWords(script: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  const flush = (): void => {
    if (inWord) words.push(current);
    current = '';
    inWord = false;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string;
    if (c === "'") {
      const end = script.indexOf("'", i + 1);
      current += script.slice(i + 1, end === -1 ? script.length : end);
      inWord = true;
      i = end === -1 ? script.length : end;
    } else if (c === '"') {
      i++;
      while (i < script.length && script[i] !== '"') {
        if (script[i] === '\\' && i + 1 < script.length && '"\\$`\n'.includes(script[i + 1] as string)) i++;
        current += script[i];
        i++;
      }
      inWord = true;
    } else if (c === '\\') {
      if (script[i + 1] === '\n') i++;
      else if (i + 1 < script.length) {
        current += script[i + 1];
        inWord = true;
        i++;
      }
    } else if (c === ' ' || c === '\t') {
      flush();
    } else if (c === '\n' || c === ';' || c === '&' || c === '|') {
      flush();
      let operator = c;
      while (i + 1 < script.length && (script[i + 1] === '&' || script[i + 1] === '|') && operator.length < 2) operator += script[++i];
      words.push(operator === '\n' ? ';' : operator);
    } else if (c === '#' && !inWord) {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end - 1;
    } else {
      current += c;
      inWord = true;
    }
  }
  flush();
  return words;
}

const SEPARATORS = new Set([';', '&&', '||', '|', '&']);

/** The words of the simple command that starts at `start`: up to the next `;`, `&&`, `|`. */
export function commandSegment(words: readonly CommandWord[], start: number): CommandWord[] {
  const out: CommandWord[] = [];
  for (let i = start; i < words.length; i++) {
    const word = words[i] as CommandWord;
    if (word.fromScript && SEPARATORS.has(word.text)) break;
    out.push(word);
  }
  return out;
}

/** A flag as written: `--name=value`, `--name value`, or `--name` alone (a switch). */
export interface FlagOccurrence {
  readonly name: string;
  /** `true` for a switch with no value. */
  readonly value: string | true;
  readonly node: Node;
  /** The flag word's `origin`, when it is not written in `command` / `args`. */
  readonly origin?: string;
}

/**
 * Finds `--flag` in the words (aliases: `--model-repository`, `--model_repository`; one-dash
 * short forms are given with their dash). A following word that starts with `-` is not a value,
 * unless the flag `requiresValue` (click / argparse options that always take the next word, such
 * as MLflow's `--gunicorn-opts "--bind …"`); a switch (`store_true` in argparse) never takes the
 * next word, only `--flag=value`.
 */
export function findFlags(words: readonly CommandWord[], names: readonly string[], options: { readonly switch?: boolean; readonly requiresValue?: boolean } = {}): FlagOccurrence[] {
  const out: FlagOccurrence[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as CommandWord;
    const origin = word.origin === undefined ? {} : { origin: word.origin };
    for (const name of names) {
      if (word.text === name) {
        const next = words[i + 1];
        const takesValue = options.switch !== true && next !== undefined && (options.requiresValue === true || !next.text.startsWith('-')) && !(next.fromScript && SEPARATORS.has(next.text));
        out.push({ name, value: takesValue ? next.text : true, node: takesValue && !next.fromScript ? next.node : word.node, ...origin });
      } else if (word.text.startsWith(`${name}=`)) {
        out.push({ name, value: word.text.slice(name.length + 1), node: word.node, ...origin });
      }
    }
  }
  return out;
}
