// Test-only helpers for the CRD adapter tests (not a test file itself, so the runner does not execute it).
import assert from 'node:assert/strict';
import { loadYamlStream } from '../../../parse/kubernetes/load-yaml.js';
import { pointerOf } from '../../../parse/kubernetes/types.js';
import { SourceFile } from '../../../source/source-file.js';
import type { ContainerRef, KubernetesModel } from '../../kubernetes.js';
import type { Node } from '../../value.js';
import { adaptKubernetes } from '../kubernetes.js';

export function modelOf(text: string): KubernetesModel {
  return adaptKubernetes(loadYamlStream(new SourceFile('crd.yaml', text))).model;
}

/** 1-based line of a node (its key's line when it is a mapping value). */
export function lineOf(node: Node): number {
  const span = node.doc.spans.get(pointerOf(node.path));
  assert.ok(span, `no span for ${pointerOf(node.path)}`);
  return node.doc.file.positionAt(span.keyStart ?? span.start).line;
}

/** `Kind/role container line [facts]` for every container of every workload, in model order. */
export function describe(model: KubernetesModel): string[] {
  return model.workloads.flatMap((workload) => workload.containers.map((container) => `${workload.object.kind}/${workload.role} ${container.name} ${lineOf(container.node)}${flags(container)}`));
}

function flags(container: ContainerRef): string {
  const out = [
    container.mergedOver ? `mergedOver=${container.mergedOver}` : '',
    container.defaultProbes ? `probes=${container.defaultProbes.join('+')}` : '',
    container.defaultResources ? 'resources' : '',
    container.server ? 'server' : '',
  ].filter(Boolean);
  return out.length > 0 ? ` [${out.join(' ')}]` : '';
}
