// Package textcheck refuses text that no store can keep: a NUL character
// (U+0000), which PostgreSQL's text type rejects (and SQLite would keep,
// so the two stores would disagree). The API's JSON decoding and the web
// forms call it once, at the edge, so that such input gets a clear 422
// (invalid_request naming the field) instead of failing halfway down a
// transaction with a 500.
package textcheck

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"

	"github.com/bouclier/bouclier"
)

func refuse(field string) error {
	if field == "" {
		field = "requête"
	}
	return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le champ «\u00a0%s\u00a0» contient un caractère nul (U+0000)\u00a0: il est refusé.", field)
}

// Value returns an invalid_request error naming the first string in v
// (a decoded JSON body: structs, maps, slices, pointers) that holds a NUL
// character, or nil. Byte slices (raw JSON, files) are not text and are
// not looked into.
func Value(v any) error {
	return walk(reflect.ValueOf(v), "")
}

func walk(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.String:
		if strings.IndexByte(v.String(), 0) >= 0 {
			return refuse(path)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return walk(v.Elem(), path)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := f.Name
			if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag != "" && tag != "-" {
				name = tag
			}
			if err := walk(v.Field(i), join(path, name)); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			key := fmt.Sprint(it.Key().Interface())
			if err := walk(it.Key(), join(path, key)); err != nil {
				return err
			}
			if err := walk(it.Value(), join(path, key)); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil
		}
		for i := range v.Len() {
			if err := walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// Form returns an invalid_request error naming the first form field (or
// uploaded file name) of a parsed request that holds a NUL character, or
// nil. Call it after ParseForm or ParseMultipartForm.
func Form(r *http.Request) error {
	for name, vs := range r.Form {
		for _, v := range vs {
			if strings.IndexByte(name, 0) >= 0 || strings.IndexByte(v, 0) >= 0 {
				return refuse(strings.ReplaceAll(name, "\x00", ""))
			}
		}
	}
	if r.MultipartForm != nil {
		for name, vs := range r.MultipartForm.Value {
			for _, v := range vs {
				if strings.IndexByte(name, 0) >= 0 || strings.IndexByte(v, 0) >= 0 {
					return refuse(strings.ReplaceAll(name, "\x00", ""))
				}
			}
		}
		for name, fs := range r.MultipartForm.File {
			for _, f := range fs {
				if strings.IndexByte(f.Filename, 0) >= 0 {
					return refuse(name)
				}
			}
		}
	}
	return nil
}

// URL returns an invalid_request error when the request's path or query,
// once decoded, holds a NUL character ("%00"), or nil.
func URL(r *http.Request) error {
	if strings.IndexByte(r.URL.Path, 0) >= 0 {
		return refuse("chemin")
	}
	if strings.Contains(r.URL.RawQuery, "%00") || strings.IndexByte(r.URL.RawQuery, 0) >= 0 {
		for name, vs := range r.URL.Query() {
			for _, v := range vs {
				if strings.IndexByte(name, 0) >= 0 || strings.IndexByte(v, 0) >= 0 {
					return refuse(strings.ReplaceAll(name, "\x00", ""))
				}
			}
		}
	}
	return nil
}
