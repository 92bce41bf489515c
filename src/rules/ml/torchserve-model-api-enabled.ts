import { modelServerFacts } from '../../model/ml/model-server.js';
import { isEnabledValue } from '../../model/ml/serving-options.js';
import { torchServeSetting } from '../../model/ml/torchserve.js';
import { defineRule } from '../define-rule.js';

export const torchserveModelApiEnabled = defineRule({
  meta: {
    id: 'IG-ML-004',
    name: 'torchserve-model-api-enabled',
    title: 'TorchServe model register/delete API enabled',
    severity: 'high',
    rationale:
      'With the model API on, `POST /models` registers a model archive at runtime and `DELETE /models/{name}` removes a served one. An archive carries a Python handler that the server runs, so whoever can call the management API (or steal its token) runs code in the model pod and can replace the model clients rely on. TorchServe turned the API off by default in 0.11 for this reason.',
    remediation:
      'Remove `--enable-model-api`, `enable_model_api=true` and `TS_ENABLE_MODEL_API=true` from serving deployments. Bake the models into the model store (image or read-only volume) and load them at start with `--models` / `load_models`.',
    references: ['https://github.com/pytorch/serve/blob/master/docs/model_api_control.md'],
    mappings: { stride: ['T', 'E'], atlas: ['AML.T0018.000', 'AML.T0010.003'], owasp: ['ML10'], nist: ['CM-7', 'SI-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      enabled: "Container '{{container}}' (TorchServe) sets {{setting}}: models can be registered and deleted through the management API while it runs.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.12.0-cpu
      args: ["torchserve", "--start", "--model-store", "/models", "--enable-model-api"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.12.0-cpu
      args: ["torchserve", "--start", "--model-store", "/models", "--models", "all"]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'torchserve') return;
        const setting = torchServeSetting(server, { key: 'enable_model_api', flag: '--enable-model-api' });
        if (!setting || !isEnabledValue(setting.value)) return;
        const written = setting.value === true ? setting.description : `${setting.description}=${setting.value}`;
        context.report({ messageId: 'enabled', data: { container: container.name || '(unnamed)', setting: written }, at: setting.node });
      },
    };
  },
});
