package cn.kaowu.platform.bank;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An item as entered in the form, the REST API or a row of the import file; checked by {@link ItemRules}. */
public class ItemForm {

	private @Nullable Long levelId;

	private @Nullable Long subjectId;

	private @Nullable ItemType type;

	private @Nullable String knowledgeArea;

	private @Nullable Integer difficulty;

	private @Nullable Integer points;

	private @Nullable String stem;

	private List<String> options = new ArrayList<>(List.of("", "", "", "", "", ""));

	private @Nullable String answer;

	private List<CriterionForm> rubric = new ArrayList<>();

	private List<ItemBody.Attachment> attachments = new ArrayList<>();

	/** The current version the edit starts from (optimistic locking); {@code null} means "whatever is current". */
	private @Nullable Integer version;

	/** One rubric line as entered. */
	public static class CriterionForm {

		private @Nullable String text;

		private @Nullable Integer points;

		public CriterionForm() {
		}

		public CriterionForm(@Nullable String text, @Nullable Integer points) {
			this.text = text;
			this.points = points;
		}

		public @Nullable String getText() {
			return text;
		}

		public void setText(@Nullable String text) {
			this.text = text;
		}

		public @Nullable Integer getPoints() {
			return points;
		}

		public void setPoints(@Nullable Integer points) {
			this.points = points;
		}
	}

	/** An objective item. */
	public static ItemForm objective(long levelId, long subjectId, ItemType type, String knowledgeArea, int difficulty,
			int points, String stem, List<String> options, String answer) {
		ItemForm f = new ItemForm();
		f.levelId = levelId;
		f.subjectId = subjectId;
		f.type = type;
		f.knowledgeArea = knowledgeArea;
		f.difficulty = difficulty;
		f.points = points;
		f.stem = stem;
		f.options = new ArrayList<>(options);
		f.answer = answer;
		return f;
	}

	/** A practical task. */
	public static ItemForm practical(long levelId, long subjectId, String knowledgeArea, int difficulty, int points,
			String instructions, List<ItemBody.Criterion> rubric) {
		ItemForm f = objective(levelId, subjectId, ItemType.PRACTICAL, knowledgeArea, difficulty, points, instructions,
				List.of(), "");
		f.rubric = new ArrayList<>(rubric.stream().map(c -> new CriterionForm(c.text(), c.points())).toList());
		return f;
	}

	/** The form showing an item's current version, padded with empty option and rubric lines for the page. */
	public static ItemForm of(ItemView item) {
		ItemBody b = item.body();
		ItemForm f = objective(item.levelId(), item.subjectId(), item.type(), item.knowledgeArea(), item.difficulty(),
				item.points(), b.stem(), b.options(), b.answer());
		f.rubric = new ArrayList<>(b.rubric().stream().map(c -> new CriterionForm(c.text(), c.points())).toList());
		f.attachments = new ArrayList<>(b.attachments());
		f.version = item.version();
		return f.padded();
	}

	/** Six option fields and at least six rubric lines, for the page. */
	public ItemForm padded() {
		List<String> o = new ArrayList<>(options);
		while (o.size() < ItemRules.MAX_OPTIONS) {
			o.add("");
		}
		options = o;
		List<CriterionForm> r = new ArrayList<>(rubric);
		while (r.size() < 6) {
			r.add(new CriterionForm());
		}
		rubric = r;
		return this;
	}

	public @Nullable Long getLevelId() {
		return levelId;
	}

	public void setLevelId(@Nullable Long levelId) {
		this.levelId = levelId;
	}

	public @Nullable Long getSubjectId() {
		return subjectId;
	}

	public void setSubjectId(@Nullable Long subjectId) {
		this.subjectId = subjectId;
	}

	public @Nullable ItemType getType() {
		return type;
	}

	public void setType(@Nullable ItemType type) {
		this.type = type;
	}

	public @Nullable String getKnowledgeArea() {
		return knowledgeArea;
	}

	public void setKnowledgeArea(@Nullable String knowledgeArea) {
		this.knowledgeArea = knowledgeArea;
	}

	public @Nullable Integer getDifficulty() {
		return difficulty;
	}

	public void setDifficulty(@Nullable Integer difficulty) {
		this.difficulty = difficulty;
	}

	public @Nullable Integer getPoints() {
		return points;
	}

	public void setPoints(@Nullable Integer points) {
		this.points = points;
	}

	public @Nullable String getStem() {
		return stem;
	}

	public void setStem(@Nullable String stem) {
		this.stem = stem;
	}

	public List<String> getOptions() {
		return options;
	}

	public void setOptions(@Nullable List<String> options) {
		this.options = options == null ? new ArrayList<>() : new ArrayList<>(options);
	}

	public @Nullable String getAnswer() {
		return answer;
	}

	public void setAnswer(@Nullable String answer) {
		this.answer = answer;
	}

	public List<CriterionForm> getRubric() {
		return rubric;
	}

	public void setRubric(@Nullable List<CriterionForm> rubric) {
		this.rubric = rubric == null ? new ArrayList<>() : new ArrayList<>(rubric);
	}

	public List<ItemBody.Attachment> getAttachments() {
		return attachments;
	}

	public void setAttachments(@Nullable List<ItemBody.Attachment> attachments) {
		this.attachments = attachments == null ? new ArrayList<>() : new ArrayList<>(attachments);
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
