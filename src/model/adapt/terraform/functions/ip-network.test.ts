import { runCases, unk, v } from './test-support.js';

runCases([
  { fn: 'cidrsubnet', args: [v('172.16.0.0/12'), v(4), v(2)], want: '172.18.0.0/16' },
  { fn: 'cidrsubnet', args: [v('10.1.2.0/24'), v(4), v(15)], want: '10.1.2.240/28' },
  { fn: 'cidrsubnet', args: [v('fd00:fd12:3456:7890::/56'), v(16), v(162)], want: 'fd00:fd12:3456:7800:a200::/72' },
  { fn: 'cidrsubnet', args: [v('10.1.2.3/24'), v(0), v(0)], want: '10.1.2.0/24', label: 'host bits are masked' },
  { fn: 'cidrsubnet', args: [v('10.0.0.0/30'), v(4), v(0)], error: /insufficient address space/ },
  { fn: 'cidrsubnet', args: [v('10.0.0.0/16'), v(2), v(4)], error: /does not accommodate a subnet numbered 4/ },
  { fn: 'cidrsubnet', args: [v('not-an-ip/8'), v(2), v(0)], error: /invalid CIDR/ },
  { fn: 'cidrsubnet', args: [unk('aws_vpc.main', 'string'), v(8), v(1)], want: { unknown: 'cidrsubnet() of an unknown value' }, refs: ['aws_vpc.main'] },
  { fn: 'cidrhost', args: [v('10.12.112.0/20'), v(16)], want: '10.12.112.16' },
  { fn: 'cidrhost', args: [v('10.12.112.0/20'), v(268)], want: '10.12.113.12' },
  { fn: 'cidrhost', args: [v('10.0.0.0/24'), v(-1)], want: '10.0.0.255' },
  { fn: 'cidrhost', args: [v('fd00:fd12:3456:7890:00a2::/72'), v(34)], want: 'fd00:fd12:3456:7890::22' },
  { fn: 'cidrhost', args: [v('10.0.0.0/30'), v(4)], error: /does not accommodate a host numbered 4/ },
  { fn: 'cidrnetmask', args: [v('172.16.0.0/12')], want: '255.240.0.0' },
  { fn: 'cidrnetmask', args: [v('fd00::/8')], error: /only IPv4/ },
  { fn: 'cidrsubnets', args: [v('10.1.0.0/16'), v(4), v(4), v(8), v(4)], want: ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20'] },
  { fn: 'cidrsubnets', args: [v('fd00:fd12:3456:7890::/56'), v(16), v(16), v(16), v(32)], want: ['fd00:fd12:3456:7800::/72', 'fd00:fd12:3456:7800:100::/72', 'fd00:fd12:3456:7800:200::/72', 'fd00:fd12:3456:7800:300::/88'] },
  { fn: 'cidrsubnets', args: [v('10.0.0.0/24'), v(1), v(1), v(1)], error: /not enough remaining address space/ },
]);
