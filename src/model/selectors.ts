import type { K8sObject, KubernetesModel, Workload } from './kubernetes.js';
import type { Node } from './value.js';

export type Labels = Readonly<Record<string, string>>;

/**
 * Whether a selector matches a set of labels. Accepts both shapes Kubernetes uses:
 * a plain map (`Service.spec.selector`, InferencePool v1alpha2) and a LabelSelector
 * (`matchLabels` + `matchExpressions`). An empty selector matches everything, as a LabelSelector
 * does; a Service without a selector selects nothing, which `workloadsSelectedBy` handles.
 * A selector that cannot be read (wrong types, unknown operator) matches nothing.
 */
export function labelSelectorMatches(selector: Node, labels: Labels): boolean {
  if (!selector.isMap()) return false;
  const matchLabels = selector.get('matchLabels');
  const matchExpressions = selector.get('matchExpressions');
  if (!matchLabels.exists && !matchExpressions.exists) return mapMatches(selector, labels);
  if (matchLabels.isWritten() && !mapMatches(matchLabels, labels)) return false;
  if (!matchExpressions.isWritten()) return true;
  if (!Array.isArray(matchExpressions.value)) return false;
  return matchExpressions.items().every((expression) => expressionMatches(expression, labels));
}

function mapMatches(selector: Node, labels: Labels): boolean {
  if (!selector.isMap()) return false;
  return selector.entries().every(([key, value]) => {
    const wanted = value.str();
    return wanted !== undefined && labels[key] === wanted;
  });
}

function expressionMatches(expression: Node, labels: Labels): boolean {
  const key = expression.get('key').str();
  const operator = expression.get('operator').str();
  if (key === undefined || operator === undefined) return false;
  const values = expression.get('values').items().map((item) => item.str());
  if (values.some((value) => value === undefined)) return false;
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  switch (operator) {
    case 'In':
      return has && values.includes(labels[key]);
    case 'NotIn':
      return !has || !values.includes(labels[key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** The string labels of a pod template (values of other types cannot be selected on). */
export function podLabelsOf(workload: Workload): Labels {
  return workload.podMetadata.get('labels').stringRecord();
}

/**
 * Namespaces compare as written: two objects that both leave the namespace to the deploy tool
 * (`kubectl apply -n`, kustomize) land in the same one.
 */
export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return (a.namespace ?? '') === (b.namespace ?? '');
}

/** The pod templates a Service sends traffic to: same namespace, selector matching the template labels. */
export function workloadsSelectedBy(model: KubernetesModel, service: K8sObject): Workload[] {
  const selector = service.root.get('spec', 'selector');
  // No selector (or an empty one): the Service's endpoints are managed by hand, not by labels.
  if (!selector.isMap() || selector.entries().length === 0) return [];
  return workloadsMatching(model, service, selector);
}

/** The pod templates in `owner`'s namespace whose labels a selector node matches. */
export function workloadsMatching(model: KubernetesModel, owner: K8sObject, selector: Node): Workload[] {
  return model.workloads.filter((workload) => sameNamespace(workload.object, owner) && labelSelectorMatches(selector, podLabelsOf(workload)));
}

/** The Services whose selector matches a pod template. */
export function servicesSelecting(model: KubernetesModel, workload: Workload): K8sObject[] {
  return model.byType('k8s:Service').filter((service) => service.group === '' && workloadsSelectedBy(model, service).includes(workload));
}
