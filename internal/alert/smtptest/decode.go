package smtptest

import "mime"

type mailDecoder struct{ mime.WordDecoder }

func (d *mailDecoder) decode(s string) (string, error) { return d.DecodeHeader(s) }
