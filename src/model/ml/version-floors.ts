// Known-vulnerable version floors, read from the one data file the CVE rules share
// (data/version-floors.json): updating a floor is a data change, not a code change.
import data from '../../../data/version-floors.json' with { type: 'json' };
import type { Severity } from '../../findings/finding.js';
import { compareVersions, parseVersion } from './images.js';
import type { Version } from './images.js';

export interface VersionFloor {
  readonly rule: string;
  /** A model server kind (`triton`) or a GPU stack component (`nvidia-container-toolkit`). */
  readonly component: string;
  /** Versions strictly below are affected… */
  readonly below: Version;
  /** …from this first affected release on, where the advisory names one. */
  readonly from?: Version;
  readonly belowText: string;
  readonly severity: Severity;
  readonly advisories: readonly string[];
  readonly source: string;
}

interface RawFloor {
  readonly rule: string;
  readonly component: string;
  readonly below: string;
  readonly from?: string;
  readonly severity: string;
  readonly advisories: readonly string[];
  readonly source: string;
}

const SEVERITIES: ReadonlySet<string> = new Set(['critical', 'high', 'medium', 'low', 'info']);

function load(raw: readonly RawFloor[]): VersionFloor[] {
  return raw.map((entry) => {
    const below = parseVersion(entry.below);
    const from = entry.from === undefined ? undefined : parseVersion(entry.from);
    if (!below || (entry.from !== undefined && !from) || !SEVERITIES.has(entry.severity)) throw new Error(`data/version-floors.json: invalid entry for ${entry.rule} ${entry.component}`);
    const { from: _fromText, ...rest } = entry;
    return { ...rest, below, ...(from ? { from } : {}), belowText: entry.below, severity: entry.severity as Severity };
  });
}

export const VERSION_FLOORS: readonly VersionFloor[] = load(data.floors);

/** The floors of a rule and component that `version` is below, lowest floor first. */
export function floorsBelow(rule: string, component: string, version: Version): VersionFloor[] {
  return VERSION_FLOORS.filter((floor) => floor.rule === rule && floor.component === component && compareVersions(version, floor.below) < 0 && (floor.from === undefined || compareVersions(version, floor.from) >= 0)).sort((a, b) => compareVersions(a.below, b.below));
}

/** Every floor of a rule and component (for messages about unknown versions). */
export function floorsOf(rule: string, component: string): VersionFloor[] {
  return VERSION_FLOORS.filter((floor) => floor.rule === rule && floor.component === component).sort((a, b) => compareVersions(a.below, b.below));
}

/** What a version-floor rule reports: the highest floor it is below, every advisory, the highest severity. */
export interface FloorMatch {
  readonly floors: readonly VersionFloor[];
  /** The highest floor the version is below: the release to upgrade to at least. */
  readonly upgradeTo: string;
  readonly advisories: string;
  readonly severity: Severity;
}

const RANK: Readonly<Record<Severity, number>> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function floorMatch(rule: string, component: string, version: Version): FloorMatch | undefined {
  const floors = floorsBelow(rule, component, version);
  const highest = floors.at(-1);
  if (!highest) return undefined;
  return {
    floors,
    upgradeTo: highest.belowText,
    advisories: [...new Set(floors.flatMap((floor) => floor.advisories))].join(', '),
    severity: floors.reduce<Severity>((best, floor) => (RANK[floor.severity] > RANK[best] ? floor.severity : best), 'info'),
  };
}
