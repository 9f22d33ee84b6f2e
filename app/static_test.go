package app

import (
	"strings"
	"testing"
)

// A static part is inserted with innerHTML: whatever its text or attributes
// hold must come out as text, never as markup.
func TestStaticPartEscapesTextAndAttributes(t *testing.T) {
	hostile := `"><img src=x onerror=alert(1)><script>alert(2)</script>&`
	got := hn("p", "class", hostile, "hidden", "").body(
		hn("a", "href", "/?q="+hostile).txt(hostile),
		hn("img", "alt", hostile),
	).String()
	for _, bad := range []string{"<img src=x", "<script>", `"><img`} {
		if strings.Contains(got, bad) {
			t.Errorf("markup %q got through: %s", bad, got)
		}
	}
	want := `<p class="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;&amp;" hidden>`
	if !strings.HasPrefix(got, want) {
		t.Errorf("got %s\nwant it to start with %s", got, want)
	}
	if strings.Contains(got, "</img>") {
		t.Errorf("a void element got an end tag: %s", got)
	}
	if !strings.HasSuffix(got, "</p>") {
		t.Errorf("not closed: %s", got)
	}
}
