//! Data entry in the app: opening a form (blank, or filled for an edit), moving through it,
//! and saving it through the store, with any error put back next to its field.

use super::*;

impl App {
    pub(super) fn open_add_form(&mut self) {
        let kind = match self.screen {
            Screen::Influencers => FormKind::Influencer { id: None },
            Screen::Costs => FormKind::Cost { id: None },
            Screen::Posts => FormKind::Post { id: None },
            Screen::Codes => FormKind::Code,
            Screen::Campaigns => FormKind::Campaign,
            Screen::Scorecard => return,
        };
        self.open_form(kind);
    }

    pub(super) fn open_edit_form(&mut self) {
        let s = self.selected[self.screen.index()];
        match self.screen {
            Screen::Influencers => {
                if let Some(id) = self.lists.influencers.get(s).map(|r| r.id) {
                    self.open_form(FormKind::Influencer { id: Some(id) });
                }
            }
            Screen::Posts => {
                if let Some(id) = self.lists.posts.get(s).map(|r| r.id) {
                    self.open_form(FormKind::Post { id: Some(id) });
                }
            }
            Screen::Costs => {
                if let Some(id) = self.lists.costs.get(s).map(|r| r.id) {
                    self.open_form(FormKind::Cost { id: Some(id) });
                }
            }
            _ => {}
        }
    }

    fn handles(&self) -> Vec<String> {
        self.lists
            .influencers
            .iter()
            .filter(|i| !i.archived)
            .map(|i| format!("@{}", i.handle))
            .collect()
    }

    fn campaign_choices(&self) -> Vec<String> {
        std::iter::once("(none)".to_string())
            .chain(self.lists.campaigns.iter().map(|c| c.name.clone()))
            .collect()
    }

    /// Opens a form, pre-filled for an edit or with today's date and the selected creator.
    pub fn open_form(&mut self, kind: FormKind) {
        let handles = self.handles();
        let needs_influencer = !matches!(
            kind,
            FormKind::Influencer { .. } | FormKind::Campaign | FormKind::Period
        );
        if needs_influencer && handles.is_empty() {
            self.fail("add an influencer first (screen 2, then a)");
            return;
        }
        let who = self
            .current_handle()
            .map(|h| format!("@{h}"))
            .unwrap_or_default();
        let today = self.today.to_string();
        let campaigns = self.campaign_choices();
        let platforms: Vec<String> = Platform::ALL.iter().map(|p| p.to_string()).collect();
        let form = match kind {
            FormKind::Influencer { id } => {
                let row = id.and_then(|id| self.lists.influencers.iter().find(|r| r.id == id));
                let v = |f: fn(&InfluencerRow) -> String| row.map(f).unwrap_or_default();
                Form::new(
                    kind.clone(),
                    if row.is_some() {
                        "Edit influencer"
                    } else {
                        "Add influencer"
                    },
                    vec![
                        Field::text(
                            "handle",
                            "Handle",
                            &v(|r| r.handle.clone()),
                            "e.g. @clayandkiln",
                        ),
                        Field::text("name", "Name", &v(|r| r.name.clone()), "optional"),
                        Field::choice(
                            "platform",
                            "Platform",
                            platforms,
                            &v(|r| r.platform.to_string()),
                        ),
                        Field::text(
                            "followers",
                            "Followers",
                            &v(|r| r.followers.to_string()),
                            "whole number",
                        ),
                        Field::text(
                            "commission",
                            "Commission %",
                            &v(|r| r.commission_pct.normalize().to_string()),
                            "of attributed revenue; blank = 0",
                        ),
                        Field::text("notes", "Notes", &v(|r| r.notes.clone()), "optional"),
                    ],
                )
            }
            FormKind::Cost { id } => {
                let row = id.and_then(|id| self.lists.costs.iter().find(|r| r.id == id));
                Form::new(
                    kind.clone(),
                    if row.is_some() {
                        "Edit a cost"
                    } else {
                        "Record a cost"
                    },
                    vec![
                        Field::choice(
                            "influencer",
                            "Influencer",
                            handles,
                            &row.map_or(who.clone(), |r| format!("@{}", r.handle)),
                        ),
                        Field::choice(
                            "kind",
                            "Kind",
                            CostKind::ALL.iter().map(|k| k.to_string()).collect(),
                            &row.map_or("fee".into(), |r| r.kind.to_string()),
                        ),
                        Field::text(
                            "amount",
                            "Amount",
                            &row.map_or(String::new(), |r| fmt2(r.amount)),
                            "like 250.00",
                        ),
                        Field::text(
                            "date",
                            "Date",
                            &row.map_or(today.clone(), |r| r.date.to_string()),
                            "YYYY-MM-DD",
                        ),
                        Field::text(
                            "note",
                            "Note",
                            &row.map_or(String::new(), |r| r.note.clone()),
                            "optional",
                        ),
                        Field::choice(
                            "campaign",
                            "Campaign",
                            campaigns,
                            &row.and_then(|r| r.campaign.clone()).unwrap_or_default(),
                        ),
                    ],
                )
            }
            FormKind::Post { id } => {
                let row = id.and_then(|id| self.lists.posts.iter().find(|r| r.id == id));
                let n = |f: fn(&NewPost) -> Option<u64>| {
                    row.and_then(|r| f(&r.post))
                        .map_or(String::new(), |v| v.to_string())
                };
                let owner = row.map_or(who.clone(), |r| format!("@{}", r.handle));
                let mut fields = vec![
                    Field::choice("influencer", "Influencer", handles, &owner),
                    Field::text(
                        "date",
                        "Date",
                        &row.map_or(today.clone(), |r| r.post.posted_on.to_string()),
                        "YYYY-MM-DD",
                    ),
                    Field::choice(
                        "platform",
                        "Platform",
                        std::iter::once("(influencer's)".to_string())
                            .chain(platforms)
                            .collect(),
                        &row.map_or("(influencer's)".into(), |r| r.post.platform.to_string()),
                    ),
                    Field::text(
                        "followers",
                        "Followers",
                        &n(|p| Some(p.followers)),
                        "at post time; blank = the influencer's count",
                    ),
                ];
                for (key, label, get) in [
                    (
                        "likes",
                        "Likes",
                        (|p: &NewPost| p.likes) as fn(&NewPost) -> Option<u64>,
                    ),
                    ("comments", "Comments", |p| p.comments),
                    ("shares", "Shares", |p| p.shares),
                    ("saves", "Saves", |p| p.saves),
                    ("views", "Views", |p| p.views),
                    ("reach", "Reach", |p| p.reach),
                    ("impressions", "Impressions", |p| p.impressions),
                    ("clicks", "Clicks", |p| p.clicks),
                ] {
                    fields.push(Field::text(key, label, &n(get), ""));
                }
                fields.push(Field::text(
                    "url",
                    "URL",
                    &row.map_or(String::new(), |r| r.post.url.clone()),
                    "optional",
                ));
                fields.push(Field::choice(
                    "campaign",
                    "Campaign",
                    campaigns,
                    &row.and_then(|r| r.campaign.clone()).unwrap_or_default(),
                ));
                Form::new(
                    kind.clone(),
                    if row.is_some() {
                        "Update post"
                    } else {
                        "Log a post"
                    },
                    fields,
                )
            }
            FormKind::Code => Form::new(
                kind.clone(),
                "Add a promo code",
                vec![
                    Field::text(
                        "code",
                        "Code",
                        "",
                        "e.g. MAYA15; matched in any letter case",
                    ),
                    Field::choice("influencer", "Influencer", handles, &who),
                    Field::choice("campaign", "Campaign", campaigns, "(none)"),
                ],
            ),
            FormKind::Link => Form::new(
                kind.clone(),
                "UTM link builder",
                vec![
                    Field::choice("influencer", "Influencer (source)", handles, &who),
                    Field::text("url", "Base URL", "", "e.g. https://shop.example/mugs"),
                    Field::text("medium", "Medium", "", "blank = the influencer's platform"),
                    Field::choice("campaign", "Campaign", campaigns, "(none)"),
                    Field::text("content", "Content", "", "e.g. story_jan15"),
                ],
            ),
            FormKind::Campaign => Form::new(
                kind.clone(),
                "Create a campaign",
                vec![
                    Field::text("name", "Name", "", "e.g. Spring launch"),
                    Field::choice(
                        "goal",
                        "Goal",
                        vec!["sales".into(), "awareness".into()],
                        "sales",
                    ),
                    Field::text("start", "Start", "", "YYYY-MM-DD, optional"),
                    Field::text("end", "End", "", "YYYY-MM-DD, optional"),
                    Field::text("budget", "Budget", "", "optional, like 1500.00"),
                ],
            ),
            // Built from the file's header by `open_mapping_form`.
            FormKind::Mapping { .. } => return,
            FormKind::Period => {
                let (from, to) = self.options.period.range(self.today);
                Form::new(
                    kind.clone(),
                    "Custom period",
                    vec![
                        Field::text(
                            "from",
                            "From",
                            &from.map_or(String::new(), |d| d.to_string()),
                            "YYYY-MM-DD; blank = open",
                        ),
                        Field::text(
                            "to",
                            "To",
                            &to.map_or(String::new(), |d| d.to_string()),
                            "YYYY-MM-DD; blank = open",
                        ),
                    ],
                )
            }
        };
        self.modal = Some(Modal::Form(form));
    }

    pub(super) fn update_form(&mut self, action: Action) -> anyhow::Result<()> {
        let Some(Modal::Form(form)) = &mut self.modal else {
            return Ok(());
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Back => {
                self.modal = None;
                self.say("cancelled: nothing saved");
            }
            Action::ChoiceLeft | Action::ChoiceRight => {
                let field = form.focused();
                if field.is_choice() {
                    field.cycle(action == Action::ChoiceRight);
                } else {
                    let code = if action == Action::ChoiceRight {
                        KeyCode::Right
                    } else {
                        KeyCode::Left
                    };
                    field
                        .input
                        .handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
                }
            }
            Action::NextField => form.next_field(true),
            Action::PrevField => form.next_field(false),
            Action::Copy if form.kind == FormKind::Link => {
                let form = form.clone();
                let link = self.built_link(&form);
                self.effects.push(Effect::Copy(link));
                self.say("link copied (if your terminal allows clipboard access)");
            }
            Action::Submit if matches!(form.kind, FormKind::Mapping { .. }) => {
                let mut form = form.clone();
                form.clear_errors();
                let FormKind::Mapping { path } = form.kind.clone() else {
                    unreachable!("matched above")
                };
                let outcome = Self::mapping_from(&form).and_then(|m| {
                    self.preview(&path, Some(m))
                        .map_err(|e| ("", e.to_string()))
                });
                if let Err((field, message)) = outcome {
                    form.set_error(field, message);
                    self.modal = Some(Modal::Form(form));
                }
            }
            Action::Submit => {
                let mut form = form.clone();
                form.clear_errors();
                match self.save(&form) {
                    Ok(message) => {
                        self.modal = None;
                        self.reload_entries()?;
                        if let FormKind::Influencer { .. } = form.kind {
                            self.select_influencer(form.value("handle"));
                        }
                        self.say(message);
                    }
                    Err((field, message)) => {
                        form.set_error(field, message);
                        self.modal = Some(Modal::Form(form));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Selects an influencer on the influencer list (after adding or renaming one).
    fn select_influencer(&mut self, handle: &str) {
        let wanted = handle.trim().trim_start_matches('@').to_lowercase();
        if let Some(i) = self
            .lists
            .influencers
            .iter()
            .position(|r| r.handle.to_lowercase() == wanted)
        {
            self.selected[Screen::Influencers.index()] = i;
        }
    }

    /// The link the builder shows for the current fields (empty until they make one).
    pub fn built_link(&self, form: &Form) -> String {
        self.link_of(form).map_or(String::new(), |l| l.url())
    }

    /// The link the form's fields describe, validated by the domain.
    fn link_of(&self, form: &Form) -> Result<crate::domain::NewLink, FieldError> {
        let handle = form.value("influencer").trim_start_matches('@');
        let platform = self
            .lists
            .influencers
            .iter()
            .find(|i| i.handle.eq_ignore_ascii_case(handle))
            .map_or(crate::domain::Platform::Other, |i| i.platform);
        let campaign = match form.value("campaign") {
            "(none)" => "",
            c => c,
        };
        crate::domain::NewLink::parse(
            form.value("url"),
            handle,
            platform,
            form.value("medium"),
            campaign,
            form.value("content"),
        )
        .map_err(field_err)
    }

    fn influencer_id(&self, form: &Form) -> Result<InfluencerRow, FieldError> {
        self.store
            .influencer_by_handle(form.value("influencer"))
            .map_err(|e| ("influencer", e.to_string()))
    }

    fn campaign_id(&self, form: &Form) -> Result<Option<i64>, FieldError> {
        match form.value("campaign") {
            "" | "(none)" => Ok(None),
            name => self
                .store
                .campaign_by_name(name)
                .map(Some)
                .map_err(|e| ("campaign", e.to_string())),
        }
    }

    /// Validates and saves a form; on failure names the field to show the error next to.
    fn save(&mut self, form: &Form) -> Result<String, FieldError> {
        let store_err = |field: &'static str| move |e: StoreError| (field, e.to_string());
        match &form.kind {
            FormKind::Influencer { id } => {
                let mut new = NewInfluencer::parse(
                    form.value("handle"),
                    form.value("name"),
                    form.value("platform"),
                    form.value("followers"),
                    form.value("commission"),
                )
                .map_err(field_err)?;
                new.notes = form.value("notes").to_string();
                match id {
                    Some(id) => {
                        self.store
                            .update_influencer(*id, &new)
                            .map_err(store_err("handle"))?;
                        Ok(format!("saved @{}", new.handle))
                    }
                    None => {
                        self.store
                            .add_influencer(&new)
                            .map_err(store_err("handle"))?;
                        Ok(format!("added @{} — give them a code with c", new.handle))
                    }
                }
            }
            FormKind::Cost { id } => {
                let who = self.influencer_id(form)?;
                let cost = NewCost::parse(
                    form.value("kind"),
                    form.value("amount"),
                    form.value("date"),
                    form.value("note"),
                )
                .map_err(field_err)?;
                let campaign = self.campaign_id(form)?;
                match id {
                    Some(id) => self
                        .store
                        .update_cost(*id, who.id, &cost, campaign)
                        .map_err(store_err("amount"))?,
                    None => {
                        self.store
                            .add_cost(who.id, &cost, campaign)
                            .map_err(store_err("amount"))?;
                    }
                }
                Ok(format!(
                    "{} {} {} for @{}",
                    if id.is_some() { "saved" } else { "recorded" },
                    cost.kind,
                    fmt2(cost.amount),
                    who.handle
                ))
            }
            FormKind::Post { id } => {
                let who = self.influencer_id(form)?;
                let count = |key: &'static str| -> Result<Option<u64>, FieldError> {
                    match form.value(key) {
                        "" => Ok(None),
                        v => parse_count(v).map(Some).map_err(|e| (key, e.to_string())),
                    }
                };
                let post = NewPost {
                    platform: match form.value("platform") {
                        "(influencer's)" | "" => who.platform,
                        p => p
                            .parse()
                            .map_err(|e: ValueError| ("platform", e.to_string()))?,
                    },
                    posted_on: parse_date(form.value("date"))
                        .map_err(|e| ("date", e.to_string()))?,
                    followers: count("followers")?.unwrap_or(who.followers),
                    likes: count("likes")?,
                    comments: count("comments")?,
                    shares: count("shares")?,
                    saves: count("saves")?,
                    views: count("views")?,
                    reach: count("reach")?,
                    impressions: count("impressions")?,
                    clicks: count("clicks")?,
                    url: form.value("url").to_string(),
                    format: String::new(),
                };
                let campaign = self.campaign_id(form)?;
                match id {
                    Some(id) => {
                        self.store
                            .update_post(*id, who.id, &post, campaign)
                            .map_err(store_err("date"))?;
                        Ok(format!("updated the post of @{}", who.handle))
                    }
                    None => {
                        self.store
                            .add_post(who.id, &post, campaign)
                            .map_err(store_err("date"))?;
                        Ok(format!("logged a post of @{}", who.handle))
                    }
                }
            }
            FormKind::Code => {
                let code = crate::domain::parse_code(form.value("code"))
                    .map_err(|e| ("code", e.to_string()))?;
                let code = code.as_str();
                let who = self.influencer_id(form)?;
                let campaign = self.campaign_id(form)?;
                self.store
                    .add_code(code, who.id, campaign)
                    .map_err(store_err("code"))?;
                Ok(format!("code {code} now credits @{}", who.handle))
            }
            FormKind::Link => {
                let who = self.influencer_id(form)?;
                let new = self.link_of(form)?;
                let link = new.url();
                let campaign = self.campaign_id(form)?;
                self.store
                    .add_link(who.id, campaign, &new)
                    .map_err(store_err("url"))?;
                self.effects.push(Effect::Copy(link.clone()));
                Ok(format!(
                    "saved and copied (if your terminal allows): {link}"
                ))
            }
            FormKind::Campaign => {
                let date = |key: &'static str| -> Result<Option<NaiveDate>, FieldError> {
                    match form.value(key) {
                        "" => Ok(None),
                        v => parse_date(v).map(Some).map_err(|e| (key, e.to_string())),
                    }
                };
                let new = NewCampaign {
                    name: form.value("name").to_string(),
                    goal: form
                        .value("goal")
                        .parse()
                        .map_err(|e: ValueError| ("goal", e.to_string()))?,
                    starts_on: date("start")?,
                    ends_on: date("end")?,
                    budget: match form.value("budget") {
                        "" => None,
                        v => Some(parse_amount(v).map_err(|e| ("budget", e.to_string()))?),
                    },
                };
                new.validate().map_err(field_err)?;
                self.store.add_campaign(&new).map_err(store_err("name"))?;
                Ok(format!("created campaign '{}'", new.name))
            }
            FormKind::Mapping { .. } => unreachable!("the mapping form previews, it does not save"),
            FormKind::Period => {
                let date = |key: &'static str| -> Result<Option<NaiveDate>, FieldError> {
                    match form.value(key) {
                        "" => Ok(None),
                        v => parse_date(v).map(Some).map_err(|e| (key, e.to_string())),
                    }
                };
                let (from, to) = (date("from")?, date("to")?);
                if let (Some(f), Some(t)) = (from, to)
                    && t < f
                {
                    return Err(("to", format!("'{t}' is before the start {f}")));
                }
                self.options.period = Period::Custom { from, to };
                self.recompute();
                Ok(format!("period: {}", self.period_label()))
            }
        }
    }
}
