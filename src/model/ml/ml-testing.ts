// Builds a Kubernetes model from inline YAML for the ML model tests (test-only).
import { loadYamlStream } from '../../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../../source/source-file.js';
import { adaptKubernetes } from '../adapt/kubernetes.js';
import type { ContainerRef, KubernetesModel } from '../kubernetes.js';

export function modelOf(yaml: string, path = 'serving.yaml'): KubernetesModel {
  return adaptKubernetes(loadYamlStream(new SourceFile(path, yaml))).model;
}

export function containerNamed(model: KubernetesModel, name: string): ContainerRef {
  const container = model.workloads.flatMap((workload) => workload.containers).find((candidate) => candidate.name === name);
  if (!container) throw new Error(`no container ${name}`);
  return container;
}

/** 1-based line of a node's value (or of its parent key when absent). */
export function lineOfNode(node: { readonly doc: { readonly file: SourceFile; readonly spans: ReadonlyMap<string, { start: number; keyStart?: number }> }; readonly path: readonly (string | number)[] }): number {
  const pointer = node.path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  const span = node.doc.spans.get(pointer);
  return node.doc.file.positionAt(span?.keyStart ?? span?.start ?? 0).line;
}
