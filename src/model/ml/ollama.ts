// What the Ollama rules share about the server (catalogue A.6).

/**
 * Where Ollama listens: `OLLAMA_HOST` (envconfig/config.go: `host:port`, a scheme allowed; 127.0.0.1:11434
 * when unset), which the official image sets to `0.0.0.0:11434` (Dockerfile). A Service routing to the
 * port is only useful when the server listens beyond loopback, so the default taken is all interfaces;
 * a loopback bind keeps the API inside the pod. Sources:
 * https://github.com/ollama/ollama/blob/main/envconfig/config.go, https://github.com/ollama/ollama/blob/main/Dockerfile
 */
export const OLLAMA_BIND = { query: { env: ['OLLAMA_HOST'] }, defaultHost: '0.0.0.0' } as const;
