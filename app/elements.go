package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// el builds an element by its tag name, and voidEl one without an end tag
// (input, img). Each typed go-app constructor (goapp.Span(), goapp.Div(), …)
// brings its own interface of some 150 methods into the WebAssembly, and
// every method called on it keeps that type's implementation; the views only
// use attributes every element has (href, src and target through Attr), so
// they build every element the way go-app builds an unknown one. Measured
// against the baseline build: dropping the last typed ones (div, p, a, main,
// img) took 49 KiB raw, 7 KiB brotli.
func el(tag string) goapp.HTMLElem { return goapp.Elem(tag) }

// Attributes go through Attr, never go-app's Aria or DataSet: those two
// format every value with fmt.Sprintf("%v"), which costs each render a
// formatting call per attribute and made the first render compile fmt's
// printf machinery (measured: Attr("aria-label", …) sets the same attribute,
// and an empty value is left out the same way).

func voidEl(tag string) goapp.HTMLElemSelfClosing { return goapp.ElemSelfClosing(tag) }
