package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// InMountNamespace runs the test named name again in a mount namespace of
// its own (unshare -m), with the environment variable env set to value so
// that the test knows it is the inner run, and fails t when that run does
// not pass. Mounts made there vanish with it. It skips t without root or
// unshare.
func InMountNamespace(t testing.TB, name, env, value string) {
	t.Helper()
	unshare, err := exec.LookPath("unshare")
	if err != nil || os.Getuid() != 0 {
		t.Skip("needs root and unshare for a mount namespace")
	}
	cmd := exec.Command(unshare, "-m", os.Args[0], "-test.run=^"+name+"$", "-test.v")
	cmd.Env = append(os.Environ(), env+"="+value)
	out, err := cmd.CombinedOutput()
	if strings.HasPrefix(string(out), "unshare:") {
		t.Skipf("no mount namespace here: %s", out)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		t.Fatalf("in a mount namespace: %v\n%s", err, out)
	}
}
