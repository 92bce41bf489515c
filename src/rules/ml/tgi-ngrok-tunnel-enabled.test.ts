import { ruleTester } from '../../testing/rule-tester.js';
import { tgiNgrokTunnelEnabled } from './tgi-ngrok-tunnel-enabled.js';

ruleTester(tgiNgrokTunnelEnabled, {
  fixtures: 'src/rules/ml/__fixtures__/tgi-ngrok-tunnel-enabled',
  valid: [{ name: 'NGROK=false, and an ngrok agent container that is not TGI', file: 'pass-no-tunnel.yaml' }],
  invalid: [
    {
      name: '--ngrok, NGROK=true, an auth token from a Secret',
      file: 'fail-ngrok.yaml',
      errors: [
        { line: 16, messageId: 'ngrokEnabled', severity: 'critical' },
        { line: 21, messageId: 'ngrokEnabled', severity: 'critical' },
        { line: 26, messageId: 'ngrokToken', severity: 'critical' },
      ],
    },
  ],
});
