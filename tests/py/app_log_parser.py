# A newcomer's script: parse web-server style log lines with re and
# print a summary (requests per status, top paths, slow requests, errors).
import re

LOG = """\
2024-03-01 12:00:01 INFO  192.168.0.1 "GET /index.html HTTP/1.1" 200 512 0.012s
2024-03-01 12:00:02 INFO  10.0.0.7 "GET /api/users?id=42 HTTP/1.1" 200 1024 0.250s
2024-03-01 12:00:02 WARN  10.0.0.7 "POST /api/login HTTP/1.1" 401 64 0.031s
2024-03-01 12:00:05 INFO  172.16.4.2 "GET /static/app.js HTTP/1.1" 304 0 0.002s
this line is garbage and should be reported
2024-03-01 12:01:10 ERROR 192.168.0.1 "GET /api/orders HTTP/1.1" 500 128 1.503s
2024-03-01 12:01:11 INFO  192.168.0.1 "GET /index.html HTTP/1.1" 200 512 0.010s
2024-03-01 12:02:00 INFO  10.0.0.9 "DELETE /api/users/42 HTTP/1.1" 204 0 0.120s
2024-03-01 12:02:30 ERROR 10.0.0.9 "GET /api/orders HTTP/1.1" 503 90 2.750s
"""

LINE = re.compile(r'''
    ^(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<time>\d{2}:\d{2}:\d{2})\s+
    (?P<level>[A-Z]+)\s+
    (?P<ip>(?:\d{1,3}\.){3}\d{1,3})\s+
    "(?P<method>[A-Z]+)\s(?P<path>[^\s"?]+)(?:\?(?P<query>[^\s"]*))?\sHTTP/[\d.]+"\s+
    (?P<status>\d{3})\s+(?P<size>\d+)\s+(?P<secs>\d+(?:\.\d+)?)s$
''', re.VERBOSE)

records = []
bad = []
for number, line in enumerate(LOG.splitlines(), 1):
    m = LINE.match(line)
    if m is None:
        bad.append(number)
        continue
    rec = m.groupdict()
    rec['status'] = int(rec['status'])
    rec['size'] = int(rec['size'])
    rec['secs'] = float(rec['secs'])
    records.append(rec)

print('parsed', len(records), 'lines; unparsable lines:', bad)

by_status = {}
for r in records:
    by_status[r['status']] = by_status.get(r['status'], 0) + 1
for status in sorted(by_status):
    print('  status %d: %d' % (status, by_status[status]))

paths = {}
for r in records:
    key = re.sub(r'/\d+(?=/|$)', '/<id>', r['path'])
    paths[key] = paths.get(key, 0) + 1
for path, n in sorted(paths.items(), key=lambda kv: (-kv[1], kv[0])):
    print('  %-20s %d' % (path, n))

slow = [r for r in records if r['secs'] > 1.0]
print('slow requests:', ['%s %s (%.1fs)' % (r['time'], r['path'], r['secs']) for r in slow])

errors = [r for r in records if r['level'] == 'ERROR' or r['status'] >= 500]
print('errors:', len(errors), 'from', sorted(set(r['ip'] for r in errors)))

queries = [dict(re.findall(r'(\w+)=(\w+)', r['query'])) for r in records if r['query']]
print('queries:', queries)

subnets = {}
for r in records:
    net = re.match(r'(\d+\.\d+)\.', r['ip']).group(1)
    subnets[net] = subnets.get(net, 0) + r['size']
print('bytes by /16:', sorted(subnets.items()))

hours = re.findall(r'^\S+ (\d\d):(\d\d)', LOG, re.M)
print('minutes seen:', sorted(set(m for h, m in hours)))
print('levels:', re.split(r'\s*,\s*', 'INFO , WARN,ERROR'))
print(re.sub(r'(\d+)\.(\d+)\.(\d+)\.(\d+)', r'\1.\2.x.x', LOG.splitlines()[0]))
