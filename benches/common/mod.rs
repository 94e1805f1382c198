//! A synthetic map shared by the benchmarks.
#![allow(dead_code)] // each benchmark uses a different part

use argmap::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Target};

/// Claims in a grid; each supports the claim above it and every third rebuts its left neighbour.
pub fn grid_map(n: u64) -> Map {
    let columns = (n as f64).sqrt().ceil() as u64;
    let claims = (1..=n)
        .map(|id| Claim {
            id: ClaimId(id),
            text: format!(
                "Claim {id}: sanctions have not changed Russian behaviour in Ukraine or Syria."
            ),
            label: String::new(),
            pos: Point::new(
                ((id - 1) % columns) as f32 * 280.0,
                ((id - 1) / columns) as f32 * 160.0,
            ),
            note: String::new(),
            pin: None,
            quote: None,
        })
        .collect();
    let mut links = Vec::new();
    for id in 1..=n {
        if id > columns {
            links.push((id, id - columns, LinkKind::Support));
        }
        if id % 3 == 0 && id % columns != 1 {
            links.push((id, id - 1, LinkKind::Rebut));
        }
    }
    let links = links
        .into_iter()
        .enumerate()
        .map(|(i, (from, to, kind))| Link {
            id: LinkId(i as u64 + 1),
            kind,
            premises: vec![ClaimId(from)],
            target: Target::Claim(ClaimId(to)),
            note: String::new(),
            scheme: String::new(),
            question: String::new(),
        })
        .collect();
    Map {
        title: "bench".into(),
        description: String::new(),
        sources: vec![],
        claims,
        links,
        steps: Vec::new(),
    }
}

/// `n` claims, each quoting its own sentence of one long article, the way
/// maps built in Argmap look; each supports the claim quoted before it.
pub fn quoted_map(n: u64) -> Map {
    use argmap::model::{Quote, Source, SourceId};
    let mut text = String::new();
    let mut spans = Vec::new();
    for i in 1..=n {
        let start = text.len();
        text.push_str(&format!(
            "Sentence {i} says that engagement with Moscow has costs and benefits."
        ));
        spans.push((start, text.len()));
        text.push(' ');
    }
    let source = Source {
        id: SourceId::new("article"),
        title: "A long article".into(),
        authors: vec!["A. Writer".into()],
        publication: String::new(),
        date: String::new(),
        stance: String::new(),
        text,
    };
    let claims = spans
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| Claim {
            id: ClaimId(i as u64 + 1),
            text: source.text[start..end].to_owned(),
            label: String::new(),
            pos: Point::new((i % 40) as f32 * 280.0, (i / 40) as f32 * 160.0),
            note: String::new(),
            pin: None,
            quote: Some(Quote {
                source: source.id.clone(),
                start,
                end,
                text: source.text[start..end].to_owned(),
            }),
        })
        .collect();
    let links = (2..=n)
        .map(|id| Link {
            id: LinkId(id - 1),
            kind: LinkKind::Support,
            premises: vec![ClaimId(id)],
            target: Target::Claim(ClaimId(id - 1)),
            note: String::new(),
            scheme: String::new(),
            question: String::new(),
        })
        .collect();
    Map {
        title: "bench".into(),
        description: String::new(),
        sources: vec![source],
        claims,
        links,
        steps: Vec::new(),
    }
}

/// A small, fixed pseudo-random sequence, so every run builds the same map.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) % sides.max(1)
    }
}

/// A realistic argument map of `n` claims: a few main contentions, each the
/// root of a tree of reasons (supports, some of them linked premises) and
/// objections (rebuts), with undercuts of some inferences and most claims
/// quoting a sentence of their article, as maps built from articles are.
pub fn argument_map(n: u64) -> Map {
    use argmap::model::{Quote, Source, SourceId};
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15 ^ n);
    let sentences = [
        "Engagement with Moscow has a record of costs that outweigh its benefits.",
        "Patient diplomacy built the Helsinki Accords over years of meetings.",
        "Sanctions have not changed the Kremlin's conduct in Ukraine or Syria.",
        "Arms control needs both sides talking, whatever else divides them.",
        "Every administration since 1991 began with hope and ended disappointed.",
        "Summits raise expectations that the other side is happy to disappoint.",
    ];
    // Articles of a hundred sentences in paragraphs of five, as a course
    // reads them: claim `i` quotes sentence `i % 100` of article `i / 100`.
    const PER_ARTICLE: u64 = 100;
    let mut sources = Vec::new();
    let mut spans = Vec::new();
    for article in 0..n.div_ceil(PER_ARTICLE) {
        let mut text = String::new();
        for i in article * PER_ARTICLE..((article + 1) * PER_ARTICLE).min(n) {
            let start = text.len();
            text.push_str(sentences[(i % sentences.len() as u64) as usize]);
            spans.push((sources.len(), start, text.len()));
            text.push_str(if i % 5 == 4 { "\n\n" } else { " " });
        }
        sources.push(Source {
            id: SourceId::new(format!("article-{}", article + 1)),
            title: format!("Article {}", article + 1),
            authors: vec![format!("Writer {}", article % 40 + 1)],
            publication: String::new(),
            date: String::new(),
            stance: String::new(),
            text,
        });
    }
    let claims: Vec<Claim> = (0..n)
        .map(|i| {
            let (article, start, end) = spans[i as usize];
            let source = &sources[article];
            let quoted = i % 5 != 0;
            Claim {
                id: ClaimId(i + 1),
                text: if quoted {
                    source.text[start..end].to_owned()
                } else {
                    format!("An analyst's own claim, number {}.", i + 1)
                },
                label: String::new(),
                pos: Point::new((i % 50) as f32 * 260.0, (i / 50) as f32 * 180.0),
                note: String::new(),
                pin: None,
                quote: quoted.then(|| Quote {
                    source: source.id.clone(),
                    start,
                    end,
                    text: source.text[start..end].to_owned(),
                }),
            }
        })
        .collect();
    // Trees: each claim after the first few roots bears on an earlier one.
    let roots = (n / 40).clamp(1, 25);
    let mut links: Vec<Link> = Vec::new();
    let mut next = 1u64;
    let mut id = roots + 1;
    while id <= n {
        let target = 1 + dice.roll(id - 1);
        let linked = dice.roll(8) == 0 && id < n;
        let premises = if linked {
            vec![ClaimId(id), ClaimId(id + 1)]
        } else {
            vec![ClaimId(id)]
        };
        let kind = if dice.roll(4) == 0 {
            LinkKind::Rebut
        } else {
            LinkKind::Support
        };
        id += premises.len() as u64;
        links.push(Link {
            id: LinkId(next),
            kind,
            premises,
            target: Target::Claim(ClaimId(target)),
            note: String::new(),
            scheme: String::new(),
            question: String::new(),
        });
        next += 1;
        // Now and then an objection to the inference itself.
        if dice.roll(12) == 0 && id <= n {
            links.push(Link {
                id: LinkId(next),
                kind: LinkKind::Rebut,
                premises: vec![ClaimId(id)],
                target: Target::Link(LinkId(next - 1)),
                note: String::new(),
                scheme: String::new(),
                question: String::new(),
            });
            next += 1;
            id += 1;
        }
    }
    Map {
        title: "bench".into(),
        description: String::new(),
        sources,
        claims,
        links,
        steps: Vec::new(),
    }
}

/// A course's worth of argument: [`argument_map`] with a second link for
/// every claim (an objection to an earlier claim, or now and then an
/// undercut of an earlier inference, some of them undercutting undercuts),
/// so a map of `n` claims has about `2n` links.
pub fn course_map(n: u64) -> Map {
    let mut map = argument_map(n);
    // Half the claims in a student's own words, so that 100,000 claims stay
    // within the 64 MiB a map file may take.
    for claim in map.claims.iter_mut().skip(1).step_by(2) {
        claim.quote = None;
    }
    let mut dice = Dice(0x2545_f491_4f6c_dd1d ^ n);
    let first = map.links.len() as u64 + 1;
    for (next, id) in (first..).zip(2..=n) {
        let target = if dice.roll(10) == 0 && next > 1 {
            Target::Link(LinkId(1 + dice.roll(next - 1)))
        } else {
            Target::Claim(ClaimId(1 + dice.roll(id - 1)))
        };
        map.links.push(Link {
            id: LinkId(next),
            kind: LinkKind::Rebut,
            premises: vec![ClaimId(id)],
            target,
            note: String::new(),
            scheme: String::new(),
            question: String::new(),
        });
    }
    map
}

/// Runs this benchmark program again with `variable` set to `value`, to do
/// one thing in a process of its own, and returns the peak resident memory
/// it printed (see [`print_peak_memory`]).
pub fn peak_memory_of(variable: &str, value: &str) -> String {
    let once = std::process::Command::new(std::env::current_exe().expect("this program"))
        .env(variable, value)
        .output()
        .expect("runs");
    assert!(once.status.success(), "{once:?}");
    String::from_utf8_lossy(&once.stdout).trim().to_owned()
}

/// Prints this process's peak resident memory, as the kernel counts it.
pub fn print_peak_memory() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .map_or("unknown (no /proc)".to_owned(), |v| v.trim().to_owned());
    println!("{peak}");
}

/// A forest of sub-debates, shaped as the large maps students and
/// generators make: trees of 60 to 250 claims, each claim supporting
/// (about two in three) or rebutting its parent, a few linked pairs and
/// undercuts, about one claim in sixteen also bearing on another claim of
/// its tree and one in a hundred on a claim of another tree, so the trees
/// join into one large connected group, the case that tests Tidy hardest.
/// Claims are 10 to 30 words.
pub fn forest_map(n: u64) -> Map {
    let mut dice = Dice(0x51ed_270b_a2f3_c4d1 ^ n);
    let words = [
        "sanctions",
        "diplomacy",
        "Moscow",
        "the",
        "Kremlin",
        "talks",
        "have",
        "never",
        "treaty",
        "arms",
        "control",
        "summit",
        "pressure",
        "engagement",
        "allies",
        "trust",
        "of",
        "and",
        "Washington",
        "interference",
        "elections",
        "Ukraine",
        "Syria",
        "costs",
        "benefits",
    ];
    let text = |dice: &mut Dice| {
        let count = 10 + dice.roll(21);
        let mut t: Vec<&str> = (0..count)
            .map(|_| words[dice.roll(words.len() as u64) as usize])
            .collect();
        t[0] = "Russia";
        format!("{}.", t.join(" "))
    };
    let mut claims = Vec::new();
    let mut links: Vec<Link> = Vec::new();
    let mut trees: Vec<(u64, u64)> = Vec::new();
    let link = |links: &mut Vec<Link>, premises: Vec<u64>, target: Target, kind: LinkKind| {
        let id = LinkId(links.len() as u64 + 1);
        links.push(Link {
            id,
            kind,
            premises: premises.into_iter().map(ClaimId).collect(),
            target,
            note: String::new(),
            scheme: String::new(),
            question: String::new(),
        });
        id
    };
    let mut next = 1u64;
    while next <= n {
        let size = (60 + dice.roll(191)).min(n - next + 1);
        let first = next;
        for id in first..first + size {
            claims.push(Claim {
                id: ClaimId(id),
                text: text(&mut dice),
                label: String::new(),
                pos: Point::new(
                    ((id - 1) % 100) as f32 * 240.0,
                    ((id - 1) / 100) as f32 * 300.0,
                ),
                note: String::new(),
                pin: None,
                quote: None,
            });
        }
        // Parent links: each claim after the root bears on an earlier one of its tree.
        let mut parent_link: Vec<LinkId> = Vec::new();
        for id in first + 1..first + size {
            let parent = first + dice.roll(id - first);
            let kind = if dice.roll(100) < 65 {
                LinkKind::Support
            } else {
                LinkKind::Rebut
            };
            let roll = dice.roll(100);
            let target = if roll < 2 && !parent_link.is_empty() {
                // An undercut of the inference that hangs an earlier claim.
                Target::Link(parent_link[dice.roll(parent_link.len() as u64) as usize])
            } else {
                Target::Claim(ClaimId(parent))
            };
            let kind = if matches!(target, Target::Link(_)) {
                LinkKind::Rebut
            } else {
                kind
            };
            let premises = if (2..4).contains(&roll) && id > first + 1 {
                vec![id, id - 1]
            } else {
                vec![id]
            };
            parent_link.push(link(&mut links, premises, target, kind));
            if dice.roll(16) == 0 {
                let other = first + dice.roll(id - first);
                if other != parent {
                    link(
                        &mut links,
                        vec![id],
                        Target::Claim(ClaimId(other)),
                        LinkKind::Support,
                    );
                }
            }
            if dice.roll(100) == 0 && !trees.is_empty() {
                let (start, len) = trees[dice.roll(trees.len() as u64) as usize];
                let other = start + dice.roll(len);
                link(
                    &mut links,
                    vec![id],
                    Target::Claim(ClaimId(other)),
                    LinkKind::Rebut,
                );
            }
        }
        trees.push((first, size));
        next += size;
    }
    Map {
        title: "bench".into(),
        description: String::new(),
        sources: Vec::new(),
        claims,
        links,
        steps: Vec::new(),
    }
}
