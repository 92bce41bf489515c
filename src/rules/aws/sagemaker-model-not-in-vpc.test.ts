import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerModelNotInVpc } from './sagemaker-model-not-in-vpc.js';

ruleTester(sagemakerModelNotInVpc, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-model-not-in-vpc',
  valid: [{ name: 'private subnets, subnets from an unresolved variable, a dynamic block over an unknown value', file: 'pass-models.tf' }],
  invalid: [
    {
      name: 'no vpc_config, empty subnets from a variable default',
      file: 'fail-models.tf',
      errors: [
        { line: 6, messageId: 'noVpcConfig' },
        { line: 22, messageId: 'noSubnets' },
      ],
    },
    {
      name: 'empty subnets passed through a local module input from tfvars',
      file: 'fail-module',
      errors: [{ file: 'modules/serving/main.tf', line: 19, messageId: 'noSubnets' }],
    },
  ],
});
