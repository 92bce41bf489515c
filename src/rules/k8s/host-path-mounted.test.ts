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
        { line: 25, messageId: 'sensitiveHostPath', severity: 'critical' },
        { line: 28, messageId: 'sensitiveHostPath', severity: 'critical' },
        { line: 31, messageId: 'sensitiveHostPath', severity: 'critical' },
        { line: 34, messageId: 'hostPath', severity: 'high' },
        { line: 37, messageId: 'sensitiveHostPath', severity: 'critical' },
        { line: 39, messageId: 'hostPath', severity: 'high' },
        { line: 62, messageId: 'hostPath', severity: 'critical' },
        { line: 65, messageId: 'sensitiveHostPath', severity: 'critical' },
      ],
    },
    {
      name: 'NFD feature files and os-release are routine node paths; the CNI configuration is critical',
      file: 'fail-gpu-node-agents.yaml',
      errors: [
        { line: 31, messageId: 'hostPath', severity: 'high' },
        { line: 35, messageId: 'hostPath', severity: 'high' },
        { line: 59, messageId: 'sensitiveHostPath', severity: 'critical' },
      ],
    },
    {
      name: 'hostPath PersistentVolumes (a node cache a claim binds to, the node root); local and CSI volumes are not hostPath',
      file: 'fail-persistent-volumes.yaml',
      errors: [
        { line: 12, messageId: 'persistentVolume', severity: 'medium' },
        { line: 37, messageId: 'sensitivePersistentVolume', severity: 'critical' },
      ],
    },
    {
      name: 'kubernetes_persistent_volume: persistent_volume_source host_path (the Docker socket), not nfs',
      file: 'fail-persistent-volume-terraform',
      errors: [{ file: 'main.tf', line: 12, messageId: 'sensitivePersistentVolume', severity: 'critical' }],
    },
  ],
});

test('sensitive host paths are normalised and matched by directory', () => {
  for (const path of ['/', '//', '/etc', '/etc/', '/etc/kubernetes/pki', '/proc/1/root', '/sys/fs/cgroup', '/root/.ssh', '/var', '/var/run', '/run/containerd/containerd.sock', '/var/run/crio/crio.sock', '/var/lib/kubelet/pods', '/var/lib/../lib/kubelet', '/var/lib/kubelet/', '/etc/cni/net.d', '/etc/kubernetes/node-feature-discovery', '/etc/kubernetes/secrets-store-csi-providers']) {
    assert.ok(sensitiveHostPath(path), path);
  }
  for (const path of ['/mnt/models', '/etc/localtime', '/etc/ssl/certs/', '/var/log', '/etcetera', '/rootfs', '/var/lib/kubelet-plugins', 'relative/etc', '/dev/shm', '/var/lib/kubelet/device-plugins', '/var/lib/kubelet/pod-resources/', '/var/lib/kubelet/plugins/csi.example.com', '/etc/os-release', '/etc/kubernetes/node-feature-discovery/features.d/']) {
    assert.equal(sensitiveHostPath(path), undefined, path);
  }
});

test('a path below a critical directory is described as part of it, not as all of it', () => {
  assert.equal(sensitiveHostPath('/sys/fs/cgroup'), 'part of /sys, host kernel interfaces (cgroups, devices)');
  assert.match(sensitiveHostPath('/etc/cni/net.d') ?? '', /^part of \/etc\/cni, the CNI configuration/);
  assert.doesNotMatch(sensitiveHostPath('/etc/cni/net.d') ?? '', /credentials/);
  assert.equal(sensitiveHostPath('/sys'), 'host kernel interfaces (cgroups, devices)');
});
