package app

import (
	"html"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Parts of a page without handlers of their own (the header's navigation,
// the logo, a list's "choose nothing" option) are built as one piece of HTML
// that go-app inserts with a single innerHTML, instead of creating every
// element, text and attribute through its own call into JavaScript. Those
// calls were most of the first view's start-up after the WebAssembly was
// compiled. Links inside still work: go-app follows clicks on any <a> of
// the page from one window-wide handler. go-app replaces such a part whole
// whenever its HTML changes, a language switch included, so it suits parts
// that never change or that are cheap to replace; the footer, the brand and
// a select's option groups, which a switch replaced at a cost, are go-app
// elements, whose text it updates in place.

// hnode is an element of such a part.
type hnode struct {
	tag   string
	attrs []string // name, value, name, value, …; a "" value writes the bare name
	text  string
	kids  []hnode
}

func hn(tag string, attrs ...string) hnode { return hnode{tag: tag, attrs: attrs} }

func (n hnode) body(kids ...hnode) hnode { n.kids = kids; return n }

func (n hnode) txt(s string) hnode { n.text = s; return n }

var voidTags = map[string]bool{"img": true, "input": true, "br": true}

func (n hnode) write(b *strings.Builder) {
	b.WriteByte('<')
	b.WriteString(n.tag)
	for i := 0; i+1 < len(n.attrs); i += 2 {
		b.WriteByte(' ')
		b.WriteString(n.attrs[i])
		if v := n.attrs[i+1]; v != "" {
			b.WriteString(`="`)
			b.WriteString(html.EscapeString(v))
			b.WriteByte('"')
		}
	}
	b.WriteByte('>')
	if voidTags[n.tag] {
		return
	}
	b.WriteString(html.EscapeString(n.text))
	for _, k := range n.kids {
		k.write(b)
	}
	b.WriteString("</")
	b.WriteString(n.tag)
	b.WriteByte('>')
}

// String is the element's HTML.
func (n hnode) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

// static makes a part of the page from n.
func static(n hnode) goapp.UI { return goapp.Raw(n.String()) }

// noChoice is the first option of a list, the one that chooses nothing. It
// is static because go-app drops an attribute whose value is empty, even
// value="": the option then had no value, the browser took its label for
// one, and choosing "Any billing mode" put the label into the link.
func noChoice(label string, selected bool) goapp.UI {
	if selected {
		return static(hn("option", "value", "", "selected", "").txt(label))
	}
	return static(hn("option", "value", "").txt(label))
}
