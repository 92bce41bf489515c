import { runCases, unk, v } from './test-support.js';

runCases([
  { fn: 'timestamp', args: [], want: { unknown: 'timestamp() is the time of the run' } },
  { fn: 'plantimestamp', args: [], want: { unknown: 'plantimestamp() is the time of the run' } },
  { fn: 'timestamp', args: [v(1)], error: /takes 0/ },
  { fn: 'formatdate', args: [v('DD MMM YYYY hh:mm ZZZ'), v('2018-01-02T23:12:01Z')], want: '02 Jan 2018 23:12 UTC' },
  { fn: 'formatdate', args: [v('EEEE, DD-MMM-YY hh:mm:ss ZZZ'), v('2018-01-02T23:12:01Z')], want: 'Tuesday, 02-Jan-18 23:12:01 UTC' },
  { fn: 'formatdate', args: [v('EEE, DD MMM YYYY hh:mm:ss ZZZ'), v('2018-01-02T23:12:01-08:00')], want: 'Tue, 02 Jan 2018 23:12:01 -0800' },
  { fn: 'formatdate', args: [v('MMM DD, YYYY'), v('2018-01-02T23:12:01Z')], want: 'Jan 02, 2018' },
  { fn: 'formatdate', args: [v('HH:mmaa'), v('2018-01-02T23:12:01Z')], want: '11:12pm' },
  { fn: 'formatdate', args: [v("h 'o''clock' ZZZZZ"), v('2018-01-02T05:00:00+05:30')], want: "5 o'clock +05:30" },
  { fn: 'formatdate', args: [v('YYYY'), v('2018-01-02')], error: /RFC 3339/ },
  { fn: 'formatdate', args: [v('QQ'), v('2018-01-02T00:00:00Z')], error: /invalid date format verb/ },
  { fn: 'formatdate', args: [v('YYYY'), unk('time_static.t', 'string')], want: { unknown: 'formatdate() of an unknown value' }, refs: ['time_static.t'] },
  { fn: 'timeadd', args: [v('2017-11-22T00:00:00Z'), v('10m')], want: '2017-11-22T00:10:00Z' },
  { fn: 'timeadd', args: [v('2017-11-22T00:00:00Z'), v('-1h30m')], want: '2017-11-21T22:30:00Z' },
  { fn: 'timeadd', args: [v('2017-11-22T23:00:00+02:00'), v('1.5h')], want: '2017-11-23T00:30:00+02:00' },
  { fn: 'timeadd', args: [v('2017-11-22T00:00:00Z'), v('10 minutes')], error: /invalid duration/ },
  { fn: 'timecmp', args: [v('2017-11-22T00:00:00Z'), v('2017-11-22T00:00:00Z')], want: 0 },
  { fn: 'timecmp', args: [v('2017-11-22T00:00:00Z'), v('2017-11-22T01:00:00Z')], want: -1 },
  { fn: 'timecmp', args: [v('2017-11-22T01:00:00Z'), v('2017-11-22T00:00:00-02:00')], want: -1, label: 'compares instants, not wall clocks' },
  { fn: 'timecmp', args: [v('2017-11-22T00:00:01Z'), v('2017-11-22T00:00:00Z')], want: 1 },
]);
