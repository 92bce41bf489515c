import { RAY_GROUP, rayRuntimeEnvs } from '../../model/adapt/crds/ray.js';
import type { RayRuntimeEnv } from '../../model/adapt/crds/ray.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/** Remote URI schemes Ray downloads `working_dir` / `py_modules` packages from (handling-dependencies#remote-uris). */
const REMOTE = /^(https?|s3|gs):\/\//i;
/** A commit SHA or a SHA-256 digest named in the URI: the archive behind it cannot change silently. */
const CONTENT_HASH = /(^|[^0-9a-f])([0-9a-f]{40}|[0-9a-f]{64})($|[^0-9a-f])/i;

type UriVerdict = 'plaintext' | 'unpinned' | undefined;

function uriVerdict(uri: string): UriVerdict {
  const text = uri.trim();
  if (!REMOTE.test(text)) return undefined; // a local path, or a package Ray uploaded itself (gcs://_ray_pkg_<hash>.zip)
  if (/^http:\/\//i.test(text)) return 'plaintext';
  return CONTENT_HASH.test(text) ? undefined : 'unpinned';
}

/**
 * Whether a pip / uv requirement names one exact artifact: `pkg==1.2.3` (not `==1.*`), a hash
 * (`--hash=sha256:…`, `#sha256=…`), or a VCS URL at a commit SHA. Undefined for what is not a
 * remote requirement (options such as `-r file`, `--index-url`, local paths, comments).
 */
export function requirementPinned(requirement: string): boolean | undefined {
  let text = requirement.trim();
  if (text === '' || text.startsWith('#')) return undefined;
  const editable = /^(-e|--editable)[\s=]+(.*)$/.exec(text);
  if (editable) text = (editable[2] as string).trim();
  else if (text.startsWith('-')) return undefined;
  if (/--hash[=\s]+sha256:|#sha256=/i.test(text)) return true;
  if (/^[./~]/.test(text) || /^file:/i.test(text)) return undefined;
  const url = /(^|@\s*)((git|hg|svn|bzr)\+)?[a-z][a-z0-9+.-]*:\/\/\S+/i.exec(text);
  if (url) {
    // `pkg @ git+https://…@<sha>`, `git+https://…@<sha>#egg=pkg`: the revision after the last `@` of the URL path.
    const revision = /@([0-9a-f]{40})(?:$|[#&])/i.exec(url[0].replace(/^@\s*/, '').replace(/^[^:]+:\/\/[^/]*@/, ''));
    return revision !== null;
  }
  const specifier = text.split(';')[0] as string;
  return /(^|[^<>!~=])===?\s*[^\s,*;]+(\s*$|\s*,|\s*\[)/.test(specifier) && !/===?\s*[^,;]*\*/.test(specifier);
}

function requirementsOf(field: Node): Node[] {
  // `pip: [..]`, `pip: {packages: [..], pip_check: false}`; a string is a requirements file on the node: not readable here.
  const list = field.isMap() ? field.get('packages') : field;
  return list.items().filter((item) => item.str() !== undefined);
}

export const rayRuntimeEnvUnpinned = defineRule({
  meta: {
    id: 'IG-ML-044',
    name: 'ray-runtime-env-unpinned',
    title: 'Ray / Serve runtime_env pulls unpinned remote code',
    severity: 'medium',
    rationale:
      "A `runtime_env` makes every Ray worker fetch code when it starts: `working_dir` and `py_modules` archives from a URL or a bucket, `pip` / `uv` packages from an index. When these name a branch archive (`…/archive/master.zip`), a bucket object that can be overwritten, or a package without an exact version, whoever can push to that branch, write to that bucket or publish that package name (typosquatting, a compromised maintainer, dependency confusion with a private index) runs code in the serving workers — next to the model weights, the requests and the cluster's credentials — on the next restart or scale-up, with nothing in the manifest changing. A plain `http://` URI can be replaced in transit. Two replicas may also run different code.",
    remediation:
      "Bake the code and its dependencies into the Ray image and drop the runtime_env download. Otherwise pin each artifact: a GitHub archive by commit SHA (`…/archive/<40-hex-sha>.zip`), bucket objects whose name carries their SHA-256 (and a bucket policy that forbids overwriting them), `pip` entries as `package==version` (better, a hashed requirements lock file), VCS requirements at a commit SHA, and always HTTPS.",
    references: [
      'https://docs.ray.io/en/latest/ray-core/handling-dependencies.html#remote-uris',
      'https://docs.ray.io/en/latest/ray-core/api/doc/ray.runtime_env.RuntimeEnv.html',
      'https://docs.ray.io/en/latest/serve/production-guide/config.html',
      'https://ray-project.github.io/kuberay/reference/api/',
      'https://pip.pypa.io/en/stable/topics/secure-installs/',
    ],
    mappings: { stride: ['T'], atlas: ['AML.T0010.001', 'AML.T0010.003'], owasp: ['ML06', 'LLM03'], nist: ['SR-4', 'SI-7'] },
    targets: ['k8s:RayService', 'k8s:RayJob'],
    fix: 'none',
    messages: {
      remoteUnpinned:
        "{{kind}} '{{name}}' ({{where}}) fetches `{{field}}` from '{{uri}}', which names no commit or content hash: whoever can change what it points to runs code in the Ray workers at their next start.",
      remotePlaintext:
        "{{kind}} '{{name}}' ({{where}}) fetches `{{field}}` over plain HTTP from '{{uri}}': anyone on the path can replace the code the Ray workers run.",
      requirementsUnpinned:
        "{{kind}} '{{name}}' ({{where}}) installs {{field}} packages without an exact version: {{entries}}. A new or hijacked release runs in the Ray workers at their next start.",
    },
    examples: {
      bad: `apiVersion: ray.io/v1
kind: RayJob
metadata: { name: batch-inference, namespace: ray }
spec:
  entrypoint: python infer.py
  runtimeEnvYAML: |
    working_dir: "https://github.com/example/jobs/archive/refs/heads/main.zip"
    pip:
      - torch
`,
      good: `apiVersion: ray.io/v1
kind: RayJob
metadata: { name: batch-inference, namespace: ray }
spec:
  entrypoint: python infer.py
  runtimeEnvYAML: |
    working_dir: "https://github.com/example/jobs/archive/5b0bd6e5a2d2c0b2a7c3f5d0c1e8f9a6b7c4d3e2.zip"
    pip:
      - torch==2.5.1
`,
    },
  },
  create(context) {
    const check = (kind: string, name: string, env: RayRuntimeEnv): void => {
      const base = { kind, name, where: env.where };
      const uris: Array<[string, Node]> = [['working_dir', env.node.get('working_dir')], ...env.node.get('py_modules').items().map((item): [string, Node] => ['py_modules', item])];
      for (const [field, node] of uris) {
        const uri = node.str();
        const verdict = uri === undefined ? undefined : uriVerdict(uri);
        if (verdict === undefined || uri === undefined) continue;
        context.report({ messageId: verdict === 'plaintext' ? 'remotePlaintext' : 'remoteUnpinned', data: { ...base, field, uri }, at: node });
      }
      for (const field of ['pip', 'uv']) {
        const unpinned = requirementsOf(env.node.get(field)).filter((item) => requirementPinned(item.str() as string) === false);
        const first = unpinned[0];
        if (!first) continue;
        const shown = unpinned.slice(0, 3).map((item) => `'${item.str() as string}'`);
        const entries = unpinned.length > 3 ? `${shown.join(', ')} and ${unpinned.length - 3} more` : shown.join(', ');
        context.report({ messageId: 'requirementsUnpinned', data: { ...base, field, entries }, at: first });
      }
    };
    return {
      object(object) {
        if (object.group !== RAY_GROUP || (object.kind !== 'RayService' && object.kind !== 'RayJob')) return;
        for (const env of rayRuntimeEnvs(object)) check(object.kind, object.name ?? '(unnamed)', env);
      },
    };
  },
});
