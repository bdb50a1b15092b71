// TimelineStore: the model, loading and validation, indexes and queries of the timeline.
// It knows nothing of HTTP; TimelineAPI serves it.
