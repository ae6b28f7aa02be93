package screen

// featureVec collects the learned model's features of one message.
type featureVec struct {
	idx []uint32
	val []float32
}

func (fv *featureVec) fill(toks []dtok, frames []frame, ds *[numDetectors]detectorScore) {}
