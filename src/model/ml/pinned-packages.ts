// Python packages a container installs at start with an exact pin (`pip install mlflow==2.8.0`,
// `uv pip install "bentoml[io]==1.4.2"`): the version that runs when the image is a generic Python one.
import type { CommandWord } from './command-line.js';
import { versionOfTag } from './images.js';
import type { Version } from './images.js';

export interface PinnedPackage {
  readonly word: CommandWord;
  readonly version: Version;
  /** As written: `mlflow==2.8.0`. */
  readonly text: string;
}

/** `name==X` / `name[extras]==X` words that follow a `pip install` (or `pip3`, `uv pip`, `python -m pip`). */
export function pinnedPackages(words: readonly CommandWord[], name: string): PinnedPackage[] {
  const out: PinnedPackage[] = [];
  const pattern = new RegExp(`^['"]?${name.replace(/[-_.]/g, '[-_.]')}(\\[[^\\]]*\\])?==([0-9][^'"\\s;,]*)['"]?$`, 'i');
  let installing = false;
  for (let i = 0; i < words.length; i++) {
    const text = (words[i] as CommandWord).text;
    if (/^(pip3?|pip3?\.\d+)$/.test(text.replace(/^.*\//, '')) && words[i + 1]?.text === 'install') installing = true;
    else if (/^(&&|\|\||;|\||&)$/.test(text)) installing = false;
    if (!installing) continue;
    const match = pattern.exec(text);
    const version = match ? versionOfTag(match[2]) : undefined;
    if (match && version) out.push({ word: words[i] as CommandWord, version, text: text.replace(/^['"]|['"]$/g, '') });
  }
  return out;
}
