import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

/** Words whose presence makes a variable name look like it holds a secret. */
const SECRET_SUBSTRINGS = ['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'API_KEY', 'APIKEY', 'PRIVATE_KEY'];
const CREDENTIAL_WORDS = new Set(['CREDENTIALS', 'CREDENTIAL', 'CREDS']);

/**
 * A last word that makes the variable *about* a secret rather than the secret itself:
 * `PASSWORD_FILE`, `SECRET_NAME`, `TOKEN_URL`, `API_KEY_HEADER`, `TOKEN_TTL`.
 */
const DESCRIPTIVE_SUFFIXES = new Set([
  'FILE', 'FILES', 'PATH', 'DIR', 'DIRECTORY', 'MOUNT', 'LOCATION', 'NAME', 'NAMESPACE', 'REF', 'ARN', 'ID', 'VERSION',
  'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'HEADER', 'FIELD', 'PARAM', 'ENV', 'VAR', 'KEYS',
  'ENABLED', 'ENABLE', 'DISABLED', 'DISABLE', 'REQUIRED', 'MODE', 'TYPE', 'KIND', 'FORMAT', 'ALGORITHM', 'POLICY', 'SOURCE',
  'PROVIDER', 'BACKEND', 'STORE', 'MANAGER', 'CLASS', 'LABEL', 'SELECTOR', 'AUDIENCE', 'ISSUER', 'SCOPE', 'SCOPES',
  'TTL', 'EXPIRY', 'EXPIRATION', 'LIFETIME', 'DURATION', 'INTERVAL', 'TIMEOUT', 'SECONDS', 'LENGTH', 'LEN', 'SIZE',
  'LIMIT', 'COUNT', 'MAX', 'MIN',
]);

/** Tokenizer special tokens (`EOS_TOKEN: "</s>"`) are not credentials. */
const TOKENIZER_WORDS = new Set(['BOS', 'EOS', 'PAD', 'UNK', 'SEP', 'CLS', 'MASK', 'START', 'END', 'STOP', 'SPECIAL', 'IMAGE', 'AUDIO', 'VIDEO']);

type NameMatch = 'secret' | 'token' | undefined;

/** Whether an env var name follows the catalogue patterns (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*API_KEY*`, `*_CREDENTIALS`). */
export function secretLikeName(name: string): NameMatch {
  const normalized = name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const words = normalized.split('_').filter((word) => word.length > 0);
  const last = words[words.length - 1];
  if (last === undefined || DESCRIPTIVE_SUFFIXES.has(last)) return undefined;
  if (SECRET_SUBSTRINGS.some((part) => normalized.includes(part)) || words.some((word) => CREDENTIAL_WORDS.has(word))) return 'secret';
  // Word-wise, so that `TOKENIZERS_PARALLELISM` and `MAX_TOKENS` do not match while `HFTOKEN` does.
  const tokenAt = words.findIndex((word) => word.endsWith('TOKEN'));
  if (tokenAt === -1) return undefined;
  const before = tokenAt > 0 ? words[tokenAt - 1] : undefined;
  if (words[tokenAt] === 'TOKEN' && before !== undefined && TOKENIZER_WORDS.has(before)) return undefined;
  return 'token';
}

/** Words of a token *count* (`MAX_NEW_TOKEN: "512"`), as opposed to a credential. */
const COUNT_WORDS = new Set(['MAX', 'MIN', 'NUM', 'NUMBER', 'TOTAL', 'BATCH', 'NEW', 'INPUT', 'OUTPUT', 'PREFILL', 'PER']);

/** Values that cannot be a secret: flags, file paths, and text Kubernetes expands from other variables (`$(DB_PASSWORD)`). */
function isNotASecret(value: string, name: string, match: NameMatch): boolean {
  if (value.includes('$(')) return true;
  if (/^(\/|\.\/|~\/)\S*$/.test(value)) return true;
  if (/^(true|false|yes|no|on|off|none|null|enabled|disabled)$/i.test(value)) return true;
  return match === 'token' && /^\d+$/.test(value) && name.toUpperCase().split(/[^A-Z0-9]+/).some((word) => COUNT_WORDS.has(word));
}

/** Values that stand for a secret someone will paste in: `<your-token>`, `${HF_TOKEN}`, `changeme`, `hf_xxxx`. */
export function isPlaceholder(value: string): boolean {
  return (
    /^<[^<>]*>$/.test(value) ||
    /^\$\{[^}]*\}$|^\$[A-Za-z_][A-Za-z0-9_]*$|\{\{.*\}\}/.test(value) ||
    /^(your|my|insert|enter|put|add)[-_ ]/i.test(value) ||
    /[-_ ]here$/i.test(value) ||
    /x{4,}|\*{3,}|\.{3}/i.test(value) ||
    /^(changeme|change[-_]?me|replace[-_]?me|todo|tbd|fixme|placeholder|dummy|example|redacted|secret|password|token|api[-_]?key)$/i.test(value)
  );
}

export const secretLiteralInEnv = defineRule({
  meta: {
    id: 'IG-K8S-117',
    name: 'secret-literal-in-env',
    title: 'Secret value written inline',
    severity: 'high',
    rationale:
      'A literal `env` value is part of the pod spec: it is stored unencrypted in etcd, shown by `kubectl get -o yaml` and `describe` to anyone who can read pods, kept in Git and CI logs, and copied into every ReplicaSet revision. Model-serving stacks carry valuable ones: model-hub tokens (often with write access to the model repository), cloud keys to the weights bucket, database passwords of the model registry.',
    remediation:
      'Move the value into a Secret (or an external secret store synced by External Secrets / CSI) and reference it with `valueFrom.secretKeyRef`, or better mount it as a file. Rotate any value that was committed.',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['I'], cis: ['5.4.1'], nist: ['IA-5', 'SC-28'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    sensitiveSource: true,
    messages: {
      literalSecret: "Env var '{{env}}' of container '{{container}}' holds a literal secret: anyone who can read the pod spec can read it.",
      placeholderSecret:
        "Env var '{{env}}' of container '{{container}}' takes its secret inline (the value is a placeholder): whoever fills it in writes the secret into the manifest.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  containers:
    - name: tgi
      image: ghcr.io/acme/llm-gateway:2.4.0
      env:
        - name: UPSTREAM_API_KEY
          value: sk-live-5f2a9c0e7b1d4e3f
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  containers:
    - name: tgi
      image: ghcr.io/acme/llm-gateway:2.4.0
      env:
        - name: UPSTREAM_API_KEY
          valueFrom:
            secretKeyRef: { name: upstream, key: api-key }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        for (const item of container.node.get('env').items()) {
          const name = item.get('name').str();
          const valueNode = item.get('value');
          const value = valueNode.str()?.trim();
          if (!name || !value) continue;
          const match = secretLikeName(name);
          if (!match || isNotASecret(value, name, match)) continue;
          const placeholder = isPlaceholder(value);
          // The message never quotes the value: findings end up in CI logs and SARIF uploads.
          context.report({
            messageId: placeholder ? 'placeholderSecret' : 'literalSecret',
            data: { env: name, container: container.name || '(unnamed)' },
            at: valueNode,
            severity: severityForContainer(placeholder ? 'medium' : secretLiteralInEnv.meta.severity, container),
          });
        }
      },
    };
  },
});
