import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandWords, expandVariables, findFlags, shellWords } from './command-line.js';
import { containerNamed, modelOf } from './ml-testing.js';

test('shellWords: quotes, escapes, operators and comments', () => {
  assert.deepEqual(shellWords(`pip install x && exec tritonserver --model-repository="/models dir" --log-verbose=1 # tail`), ['pip', 'install', 'x', '&&', 'exec', 'tritonserver', '--model-repository=/models dir', '--log-verbose=1']);
  assert.deepEqual(shellWords("a 'b c'\\\n d\ne|f"), ['a', 'b c', 'd', ';', 'e', '|', 'f']);
  assert.deepEqual(shellWords('echo "a \\"q\\" $HOME"'), ['echo', 'a "q" $HOME']);
});

test('expandVariables: $(VAR) from literal env, $$( escapes, unknown left as written', () => {
  const env = new Map([['PORT', '9000']]);
  assert.equal(expandVariables('--port=$(PORT)', env), '--port=9000');
  assert.equal(expandVariables('--x=$$(PORT) --y=$(MISSING)', env), '--x=$(PORT) --y=$(MISSING)');
});

const POD = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: direct
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      command: [tritonserver]
      args: ["--model-repository", "s3://bucket/models", "--model-control-mode=explicit", "--strict-readiness", "--http-port=$(HTTP_PORT)"]
      env:
        - {name: HTTP_PORT, value: "8080"}
    - name: script
      image: python:3.11
      command: ["/bin/bash", "-c"]
      args:
        - |
          pip install vllm==0.6.3 && vllm serve meta-llama/Llama-3-8B --trust-remote-code --port 8001
`;

test('commandWords: command + args, $(VAR) expanded, shell scripts split', () => {
  const model = modelOf(POD);
  assert.deepEqual(commandWords(containerNamed(model, 'direct')).map((word) => word.text), ['tritonserver', '--model-repository', 's3://bucket/models', '--model-control-mode=explicit', '--strict-readiness', '--http-port=8080']);
  const script = commandWords(containerNamed(model, 'script'));
  assert.deepEqual(script.map((word) => word.text).slice(0, 6), ['/bin/bash', '-c', 'pip', 'install', 'vllm==0.6.3', '&&']);
  assert.ok(script.slice(2).every((word) => word.fromScript));
});

test('findFlags: --flag value, --flag=value, switches never take the next word', () => {
  const words = commandWords(containerNamed(modelOf(POD), 'direct'));
  assert.deepEqual(findFlags(words, ['--model-repository']).map((flag) => flag.value), ['s3://bucket/models']);
  assert.deepEqual(findFlags(words, ['--model-control-mode']).map((flag) => flag.value), ['explicit']);
  assert.deepEqual(findFlags(words, ['--strict-readiness'], { switch: true }).map((flag) => flag.value), [true]);
  assert.deepEqual(findFlags(words, ['--absent']), []);
  const script = commandWords(containerNamed(modelOf(POD), 'script'));
  assert.deepEqual(findFlags(script, ['--trust-remote-code'], { switch: true }).map((flag) => flag.value), [true]);
  assert.deepEqual(findFlags(script, ['--port']).map((flag) => flag.value), ['8001']);
});

test('findFlags: a flag that requires a value takes the next word even when it starts with a dash', () => {
  const model = modelOf(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: mlflow
      image: python:3.11
      command: [sh, -c, 'mlflow server --gunicorn-opts "--bind 0.0.0.0:5000" --port 5000']
`);
  const words = commandWords(containerNamed(model, 'mlflow'));
  assert.deepEqual(findFlags(words, ['--gunicorn-opts']).map((flag) => flag.value), [true]);
  assert.deepEqual(findFlags(words, ['--gunicorn-opts'], { requiresValue: true }).map((flag) => flag.value), ['--bind 0.0.0.0:5000']);
  assert.deepEqual(findFlags(words, ['--port'], { requiresValue: true }).map((flag) => flag.value), ['5000']);
});

test('findFlags: a flag keeps the origin of a word that is not written in command / args', () => {
  const words = commandWords(containerNamed(modelOf(POD), 'direct')).map((word) => ({ ...word, origin: 'env EXTRA' }));
  assert.deepEqual(findFlags(words, ['--model-repository']).map((flag) => [flag.value, flag.origin]), [['s3://bucket/models', 'env EXTRA']]);
});
