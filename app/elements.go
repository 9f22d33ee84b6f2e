package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// el builds an element by its tag name, and voidEl one without an end tag
// (input). Each typed go-app constructor (goapp.Span(), goapp.Time(), …)
// brings its own interface of some 150 methods into the WebAssembly, about
// 1.1 KiB compressed each, measured against the baseline build; the views
// only use attributes every element has, so they build every element the
// way go-app builds an unknown one. goapp.Div, P, A, H1, Main and Img stay
// typed: go-app itself uses them.
func el(tag string) goapp.HTMLElem { return goapp.Elem(tag) }

func voidEl(tag string) goapp.HTMLElemSelfClosing { return goapp.ElemSelfClosing(tag) }
