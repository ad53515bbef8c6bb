/** The default pipeline, in order: each stage adds one layer to the Doc. */
import { ActorStage } from './actors/actor-stage.js';
import { Pipeline } from './core/stage.js';
import { EventStage } from './events/event-stage.js';
import { ModalityStage } from './modality/modality-stage.js';
import { ParseStage } from './parse/parse-stage.js';
import { PlaceStage } from './place/place-stage.js';
import { SegmentStage } from './segment/segment-stage.js';
import { TimeStage } from './time/stage.js';
import { TopicStage } from './topics/topic-stage.js';

export interface PipelineOptions {
  /** Date mentions of every sentence (default), or only of sentences with an event (see TimeStage). */
  readonly dates?: 'all' | 'events';
}

export function defaultPipeline(options: PipelineOptions = {}): Pipeline {
  return new Pipeline([
    new SegmentStage(),
    new ParseStage(),
    new ActorStage(),
    new EventStage(),
    new ModalityStage(),
    new TimeStage({ dates: options.dates ?? 'all' }),
    new PlaceStage(),
    new TopicStage(),
  ]);
}
