import type { K8sObject } from './kubernetes.js';
import type { Node } from './value.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** A Role or ClusterRole of the RBAC API. */
export function isRbacRole(object: K8sObject): boolean {
  return (object.kind === 'Role' || object.kind === 'ClusterRole') && object.group === RBAC_GROUP;
}

/** A RoleBinding or ClusterRoleBinding of the RBAC API. */
export function isRbacBinding(object: K8sObject): boolean {
  return (object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding') && object.group === RBAC_GROUP;
}

const CORE = '';
const RBAC = 'rbac.authorization.k8s.io';
const ADMISSION = 'admissionregistration.k8s.io';
const AUTHENTICATION = 'authentication.k8s.io';

const READ_VERBS = ['get', 'list', 'watch'];
/** `get` too: exec and attach are reachable over a WebSocket upgrade of a GET. */
const STREAM_VERBS = ['create', 'get'];
const WRITE_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const WEBHOOK_RESOURCES = ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'];
const IMPERSONATED_RESOURCES = ['users', 'groups', 'serviceaccounts', 'uids', 'userextras'];

/** One rule entry (`rules[i]`) read as explicit names; `*` is IG-K8S-121's finding, not this rule's. */
export class RuleEntry {
  private readonly groups: string[];

  constructor(private readonly rule: Node) {
    this.groups = rule.get('apiGroups').items().map((item) => item.str()).filter((group): group is string => group !== undefined);
  }

  /** A wildcard group still covers the named resource: the danger itself is written by name. */
  inGroup(...groups: string[]): boolean {
    return this.groups.includes('*') || groups.some((group) => this.groups.includes(group));
  }

  resource(names: readonly string[]): Node | undefined {
    return this.rule.get('resources').items().find((item) => names.includes(item.str() ?? ''));
  }

  verb(names: readonly string[]): Node | undefined {
    return this.rule.get('verbs').items().find((item) => names.includes(item.str() ?? ''));
  }

  verbsAmong(names: readonly string[]): string[] {
    return this.rule.get('verbs').items().map((item) => item.str() ?? '').filter((verb) => names.includes(verb));
  }

  hasExplicitVerb(): boolean {
    return this.rule.get('verbs').items().some((item) => item.str() !== undefined && item.str() !== '*');
  }

  /** `resources` names the target, or leaves it open with `*` (the verb is what is named). */
  coversResource(names: readonly string[]): boolean {
    return this.rule.get('resources').items().some((item) => {
      const resource = item.str() ?? '';
      return resource === '*' || names.some((name) => resource === name || resource.startsWith(`${name}/`));
    });
  }

  /** `resourceNames` narrows the grant to listed objects (a bind restricted to one Role is the recommended pattern). */
  hasResourceNames(): boolean {
    return this.rule.get('resourceNames').items().length > 0;
  }
}


/** A permission that is a short step to the whole cluster (IG-K8S-122's list). */
export type DangerousPermission = 'secretsRead' | 'podExec' | 'podAttach' | 'podCreate' | 'escalate' | 'bind' | 'impersonate' | 'nodesProxy' | 'webhookWrite';

export interface DangerousGrant {
  readonly kind: DangerousPermission;
  /** The resource or verb entry that grants it. */
  readonly at: Node;
  /** The read verbs (`get/list`) of a Secrets grant. */
  readonly verbs?: string;
  /** The webhook resource of a webhook grant. */
  readonly resource?: string;
}

/**
 * The cluster-takeover permissions a Role or ClusterRole grants by name (`*` is IG-K8S-121's). Reading every
 * Secret, `nodes/proxy` and webhook writes count only `clusterWide` (a ClusterRole bound cluster-wide).
 */
export function dangerousGrants(role: K8sObject, clusterWide: boolean): DangerousGrant[] {
  const grants: DangerousGrant[] = [];
  const add = (kind: DangerousPermission, at: Node | undefined, extra: { verbs?: string; resource?: string } = {}): void => {
    if (at) grants.push({ kind, at, ...extra });
  };
  for (const node of role.root.get('rules').items()) {
    const rule = new RuleEntry(node);
    if (rule.inGroup(CORE)) {
      const readVerbs = rule.verbsAmong(READ_VERBS);
      if (clusterWide && readVerbs.length > 0 && !rule.hasResourceNames()) add('secretsRead', rule.resource(['secrets']), { verbs: readVerbs.join('/') });
      if (rule.verb(STREAM_VERBS)) {
        add('podExec', rule.resource(['pods/exec']));
        add('podAttach', rule.resource(['pods/attach']));
      }
      if (rule.resource(['pods'])) add('podCreate', rule.verb(['create']));
      if (clusterWide && rule.hasExplicitVerb()) add('nodesProxy', rule.resource(['nodes/proxy']));
    }
    if (rule.inGroup(RBAC) && rule.coversResource(['roles', 'clusterroles']) && !rule.hasResourceNames()) {
      add('escalate', rule.verb(['escalate']));
      add('bind', rule.verb(['bind']));
    }
    if (rule.inGroup(CORE, AUTHENTICATION) && rule.coversResource(IMPERSONATED_RESOURCES)) add('impersonate', rule.verb(['impersonate']));
    if (clusterWide && rule.inGroup(ADMISSION) && rule.verb(WRITE_VERBS)) {
      const webhook = rule.resource(WEBHOOK_RESOURCES);
      add('webhookWrite', webhook, { resource: webhook?.str() ?? '' });
    }
  }
  return grants;
}

/** The first `*` in a rule's verbs, resources or apiGroups: everything of that kind (IG-K8S-121's finding). */
export function wildcardGrant(role: K8sObject): Node | undefined {
  for (const rule of role.root.get('rules').items()) {
    for (const field of ['verbs', 'resources']) {
      const star = rule.get(field).items().find((item) => item.str() === '*');
      if (star) return star;
    }
  }
  return undefined;
}
