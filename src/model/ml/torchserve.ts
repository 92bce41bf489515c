// TorchServe's own precedence for a property (docs/configuration.md, token_authorization_api.md,
// model_api_control.md): a `TS_<PROPERTY>` environment variable is read only when
// `enable_envvars_config=true` is in config.properties, and then wins over the command line, which
// wins over config.properties.
import { compareVersions, type Version } from './images.js';
import type { ModelServer } from './model-server.js';
import { isEnabledValue } from './serving-options.js';
import type { Setting } from './settings.js';

/** `enable_envvars_config=true` in the config file (only readable when the file is in the scan). */
export function torchServeReadsEnv(server: ModelServer): boolean {
  return isEnabledValue(server.setting({ config: ['enable_envvars_config'] })?.value);
}

/**
 * The effective value of a TorchServe property: `TS_<KEY>` when the server reads env config (or
 * `extraEnv` says it does for this key), then the switch `flag`, then config.properties.
 */
export function torchServeSetting(server: ModelServer, options: { readonly key: string; readonly flag?: string; readonly envEnabled?: boolean }): Setting | undefined {
  if (options.envEnabled ?? torchServeReadsEnv(server)) {
    const env = server.setting({ env: [`TS_${options.key.toUpperCase()}`] });
    if (env) return env;
  }
  if (options.flag !== undefined) {
    const flag = server.setting({ flags: [options.flag], switch: true });
    if (flag) return flag;
  }
  return server.setting({ config: [options.key] });
}

/** Model register / delete API: off by default from 0.11.0, on before. */
export const TORCHSERVE_SECURE_DEFAULTS: Version = [0, 11];

/** The model API is on: written so, or the image predates 0.11 and nothing turns it off. */
export function torchServeModelApi(server: ModelServer): { readonly enabled: boolean; readonly setting: Setting | undefined } {
  const setting = torchServeSetting(server, { key: 'enable_model_api', flag: '--enable-model-api' });
  if (setting) return { enabled: isEnabledValue(setting.value), setting };
  const version = server.image?.version;
  return { enabled: version !== undefined && compareVersions(version, TORCHSERVE_SECURE_DEFAULTS) < 0, setting: undefined };
}
