import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTester } from '../../testing/rule-tester.js';
import { hostPathMounted, sensitiveHostPath } from './host-path-mounted.js';

ruleTester(hostPathMounted, {
  fixtures: 'src/rules/k8s/__fixtures__/host-path-mounted',
  valid: [{ name: 'PVC, emptyDir, CSI; hostPath as text elsewhere or not a mapping', file: 'pass-no-host-path.yaml' }],
  invalid: [
    {
      name: 'runtime socket, kubelet dir, /etc subpath, /run and / are critical; a cache or localtime is high',
      file: 'fail-host-paths.yaml',
      errors: [
        { line: 24, messageId: 'sensitiveHostPath', severity: 'critical' },
        { line: 28, messageId: 'sensitiveHostPath', severity: 'critical' },
        { line: 30, messageId: 'sensitiveHostPath', severity: 'critical' },
        { line: 33, messageId: 'hostPath', severity: 'high' },
        { line: 37, messageId: 'sensitiveHostPath', severity: 'critical' },
        { line: 39, messageId: 'hostPath', severity: 'high' },
        { line: 61, messageId: 'hostPath', severity: 'critical' },
        { line: 64, messageId: 'sensitiveHostPath', severity: 'critical' },
      ],
    },
  ],
});

test('sensitive host paths are normalised and matched by directory', () => {
  for (const path of ['/', '//', '/etc', '/etc/', '/etc/kubernetes/pki', '/proc/1/root', '/sys/fs/cgroup', '/root/.ssh', '/var', '/var/run', '/run/containerd/containerd.sock', '/var/run/crio/crio.sock', '/var/lib/kubelet/pods', '/var/lib/../lib/kubelet', '/var/lib/kubelet/']) {
    assert.ok(sensitiveHostPath(path), path);
  }
  for (const path of ['/mnt/models', '/etc/localtime', '/etc/ssl/certs/', '/var/log', '/etcetera', '/rootfs', '/var/lib/kubelet-plugins', 'relative/etc', '/dev/shm', '/var/lib/kubelet/device-plugins', '/var/lib/kubelet/pod-resources/', '/var/lib/kubelet/plugins/csi.example.com']) {
    assert.equal(sensitiveHostPath(path), undefined, path);
  }
});
