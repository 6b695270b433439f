// The time stamp of an AWS-style execution log line (TestInvokeMethod, TestInvokeAuthorizer):
// `Sun Nov 22 08:03:39 UTC 2026`'s shorter AWS form, `22 Nov 2026 08:03:39 UTC`.
export const logStamp = () =>
  new Date()
    .toUTCString()
    .replace(/^\w+, /, '')
    .replace(' GMT', ' UTC');
