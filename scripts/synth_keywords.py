#!/usr/bin/python3
"""Synthesises a labelled keyword recording for `vigil train` from Debian's speech synthesisers.

Keyword utterances and other speech (words and phrases that are not the keyword, some of them
sound-alikes) are spoken by espeak-ng, flite and festival with many voices, rates and pitches (each
engine as often as the others, then one of its voices), trimmed of silence, and added at random times
into a bed of the shared background noise (the 1 s Speech Commands noise clip, looped with random
offsets and gains and cross-faded) at signal-to-noise ratios drawn from --snr. Writes, into --out:

  NAME.wav   16 kHz mono 16-bit PCM (any Vigil command reads it; `vigil convert` makes a .vlog)
  NAME.csv   start_us,end_us,label[,sensor]: the keyword's label for keywords, `speech` for other
             speech (train with `--negative speech`), times from the recording's start
  NAME.vlog  with --vlog: the Vigil recording, converted by `vigilw convert` from this checkout

The same seed, options and installed voices give the same bytes. Recordings are generated, not
committed. Needs: apt-get install -y espeak-ng flite festival festvox-kallpc16k festvox-kdlpc16k
festvox-us-slt-hts sox python3-numpy (voices that are missing are skipped and reported).

Example: /usr/bin/python3 scripts/synth_keywords.py --out /tmp/kws --minutes 60 --seed 1 --vlog
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import wave

import numpy as np

RATE = 16_000
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOISE = os.path.join(ROOT, "..", "shared", "data", "audio", "speechcommands_noise_1000ms_tflm.wav")

# Other speech: everyday words, sound-alikes of common keywords, and short phrases.
OTHER_SPEECH = [
    "yesterday", "yet", "yellow", "yeah", "guess", "less", "mess", "chess", "says", "yesterday evening",
    "no", "know", "go", "stop", "up", "down", "left", "right", "on", "off", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "zero", "bed", "bird", "cat", "dog", "happy", "house", "marvin",
    "sheila", "tree", "wow", "hello there", "what time is it", "turn the lights on", "it is raining again",
    "I tell you it is not poison", "see you tomorrow", "where are my keys", "the kettle is boiling",
    "could you pass the salt", "good morning", "thank you very much", "maybe later", "of course",
    "that is interesting", "let me think", "not today", "okay", "absolutely", "whatever you say",
]

ESPEAK_VOICES = ["en", "en-us", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-029"]
ESPEAK_VARIANTS = ["", "+m1", "+m2", "+m3", "+m4", "+m5", "+m6", "+m7", "+f1", "+f2", "+f3", "+f4", "+f5",
                   "+croak", "+klatt", "+klatt2", "+klatt3"]
FLITE_VOICES = ["kal", "kal16", "awb", "rms", "slt"]
FESTIVAL_VOICES = ["kal_diphone", "ked_diphone", "cmu_us_slt_arctic_hts"]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def read_wav(path):
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2 or w.getnchannels() != 1:
            raise ValueError(f"{path}: expected 16-bit mono, got {8 * w.getsampwidth()}-bit x {w.getnchannels()}")
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
        return data, w.getframerate()


class Synthesiser:
    """One utterance at a time through espeak-ng, flite or festival, resampled to 16 kHz by sox."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.cache = {}
        self.voices = self._working_voices()

    def _working_voices(self):
        voices = []
        for engine, names in (("espeak-ng", [v + x for v in ESPEAK_VOICES for x in ESPEAK_VARIANTS]),
                              ("flite", FLITE_VOICES), ("festival", FESTIVAL_VOICES)):
            for name in names:
                try:
                    self.speak(engine, name, "test", 1.0, 0)
                    voices.append((engine, name))
                except (subprocess.CalledProcessError, FileNotFoundError, ValueError):
                    print(f"synth_keywords: {engine} voice {name} is not available, skipped", file=sys.stderr)
        if not voices:
            sys.exit("synth_keywords: no speech synthesiser works; see the install line in this script's help")
        return voices

    def speak(self, engine, voice, text, tempo, pitch):
        """The utterance as floats at 16 kHz, trimmed of leading and trailing silence; tempo > 1 is faster."""
        key = (engine, voice, text, tempo, pitch)
        if key in self.cache:
            return self.cache[key]
        raw = os.path.join(self.tmp, "raw.wav")
        out = os.path.join(self.tmp, "out.wav")
        if engine == "espeak-ng":
            run(["espeak-ng", "-v", voice, "-s", str(round(170 * tempo)), "-p", str(50 + pitch // 8), "-w", raw, text])
            shift = []
        elif engine == "flite":
            run(["flite", "-voice", voice, "--setf", f"duration_stretch={1 / tempo:.3f}", "-t", text, "-o", raw])
            shift = ["pitch", str(pitch)]
        else:
            script = os.path.join(self.tmp, "say.txt")
            with open(script, "w") as f:
                f.write(text + "\n")
            run(["text2wave", "-eval", f"(voice_{voice})", "-eval", f"(Parameter.set 'Duration_Stretch {1 / tempo:.3f})",
                 script, "-o", raw])
            shift = ["pitch", str(pitch)]
        run(["sox", "-D", "-R", raw, "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer", out] + shift)
        data, _ = read_wav(out)
        loud = np.flatnonzero(np.abs(data) > 0.03 * max(np.max(np.abs(data)), 1e-9))
        if loud.size == 0:
            raise ValueError(f"{engine} {voice} said nothing for '{text}'")
        margin = RATE // 50
        clip = data[max(0, loud[0] - margin):loud[-1] + margin]
        self.cache[key] = clip
        return clip


def noise_bed(noise, samples, rng):
    """The noise clip looped with a random circular offset and gain per loop, cross-faded over 20 ms."""
    fade = RATE // 50
    step = len(noise) - fade
    ramp = np.linspace(0.0, 1.0, fade)
    bed = np.zeros(samples + len(noise))
    for start in range(0, samples, step):
        piece = np.roll(noise, rng.randrange(len(noise))) * rng.uniform(0.5, 1.5)
        piece[:fade] *= ramp if start > 0 else 1.0
        piece[-fade:] *= ramp[::-1]
        bed[start:start + len(piece)] += piece
    return bed[:samples]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True, help="folder to write NAME.wav and NAME.csv into")
    p.add_argument("--name", default="keywords", help="file name stem (default: keywords)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    p.add_argument("--minutes", type=float, default=30, help="length of the recording (default: 30)")
    p.add_argument("--keyword", action="append", help="keyword to say (repeatable; default: yes)")
    p.add_argument("--keyword-share", type=float, default=0.4, help="share of utterances that are keywords (0.4)")
    p.add_argument("--snr", default="20,10,5,0", help="signal-to-noise ratios in dB to draw from (20,10,5,0)")
    p.add_argument("--noise", default=NOISE, help="background noise WAV, 16 kHz mono 16-bit (the shared noise clip)")
    p.add_argument("--noise-dbfs", type=float, default=-35, help="RMS level of the noise bed, dBFS (-35)")
    p.add_argument("--gap", default="1.0,3.0", help="pause between utterances, min,max seconds (1.0,3.0)")
    p.add_argument("--vlog", action="store_true", help="also write NAME.vlog with this checkout's vigilw convert")
    a = p.parse_args()
    keywords = a.keyword or ["yes"]
    snrs = [float(s) for s in a.snr.split(",")]
    gap_min, gap_max = (float(g) for g in a.gap.split(","))
    rng = random.Random(a.seed)
    noise, noise_rate = read_wav(a.noise)
    if noise_rate != RATE:
        sys.exit(f"synth_keywords: {a.noise} is {noise_rate} Hz, need {RATE} Hz")
    noise = noise - noise.mean()
    noise *= 10 ** (a.noise_dbfs / 20) / np.sqrt(np.mean(noise ** 2))
    samples = int(a.minutes * 60 * RATE)
    signal = noise_bed(noise, samples, rng)
    labels = []
    counts = {"keyword": 0, "speech": 0}
    os.makedirs(a.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        synth = Synthesiser(tmp)
        at = int(rng.uniform(0.5, 1.5) * RATE)
        while True:
            is_keyword = rng.random() < a.keyword_share
            text = rng.choice(keywords) if is_keyword else rng.choice(OTHER_SPEECH)
            engine = rng.choice(sorted({e for e, _ in synth.voices}))
            voice = rng.choice([v for e, v in synth.voices if e == engine])
            tempo = round(rng.uniform(0.75, 1.35), 2)
            pitch = rng.randrange(-300, 301, 50)
            clip = synth.speak(engine, voice, text, tempo, pitch)
            if at + len(clip) >= samples:
                break
            snr = rng.choice(snrs)
            bed_rms = np.sqrt(np.mean(signal[at:at + len(clip)] ** 2))
            gain = bed_rms * 10 ** (snr / 20) / max(np.sqrt(np.mean(clip ** 2)), 1e-9)
            signal[at:at + len(clip)] += gain * clip
            label = text if is_keyword else "speech"
            labels.append((round(at * 1e6 / RATE), round((at + len(clip)) * 1e6 / RATE), label))
            counts["keyword" if is_keyword else "speech"] += 1
            at += len(clip) + int(rng.uniform(gap_min, gap_max) * RATE)
    peak = np.max(np.abs(signal))
    if peak > 0.99:
        signal *= 0.99 / peak
    wav = os.path.join(a.out, a.name + ".wav")
    with wave.open(wav, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(np.round(signal * 32767).astype("<i2").tobytes())
    with open(os.path.join(a.out, a.name + ".csv"), "w") as f:
        f.write("start_us,end_us,label\n")
        for start, end, label in labels:
            f.write(f"{start},{end},{label}\n")
    print(f"{wav}: {a.minutes:g} min, {counts['keyword']} keywords {keywords}, {counts['speech']} other utterances, "
          f"{len(synth.voices)} voices, SNR {a.snr} dB")
    if a.vlog:
        vlog = os.path.join(a.out, a.name + ".vlog")
        subprocess.run([os.path.join(ROOT, "vigilw"), "convert", wav, vlog], check=True)
        print(vlog)


if __name__ == "__main__":
    main()
