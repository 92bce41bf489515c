import { ruleTester } from '../../testing/rule-tester.js';
import { modelStorageAnonymousAccess } from './model-storage-anonymous-access.js';

ruleTester(modelStorageAnonymousAccess, {
  fixtures: 'src/rules/azure/__fixtures__/model-storage-anonymous-access',
  valid: [
    {
      name: 'private container, account setting from an unresolved variable, public container under an account that forbids it, public storage linked to no workspace',
      file: 'pass-storage.tf',
    },
  ],
  invalid: [
    {
      name: 'workspace account allows public blobs, its containers by id (4.x) and by name (3.x, from a variable default), a datastore container',
      file: 'fail-storage.tf',
      errors: [
        { line: 12, messageId: 'accountPublic' },
        { line: 31, messageId: 'containerPublic' },
        { line: 38, messageId: 'containerPublic' },
        { line: 53, messageId: 'datastoreContainerPublic' },
      ],
    },
  ],
});
