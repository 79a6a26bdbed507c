package cn.kaowu.platform.bank;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A blueprint as entered; blank lines are ignored. */
public class BlueprintForm {

	private List<LineForm> lines = new ArrayList<>();

	private @Nullable Integer version;

	/** One line as entered. */
	public static class LineForm {

		private @Nullable ItemType type;

		private @Nullable String knowledgeArea;

		private @Nullable Integer count;

		private @Nullable Integer points;

		public LineForm() {
		}

		public LineForm(@Nullable ItemType type, @Nullable String knowledgeArea, @Nullable Integer count,
				@Nullable Integer points) {
			this.type = type;
			this.knowledgeArea = knowledgeArea;
			this.count = count;
			this.points = points;
		}

		boolean blank() {
			return type == null && ItemRules.strip(knowledgeArea).isEmpty() && count == null && points == null;
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

		public @Nullable Integer getCount() {
			return count;
		}

		public void setCount(@Nullable Integer count) {
			this.count = count;
		}

		public @Nullable Integer getPoints() {
			return points;
		}

		public void setPoints(@Nullable Integer points) {
			this.points = points;
		}
	}

	public static BlueprintForm of(List<Blueprint.Line> lines) {
		BlueprintForm f = new BlueprintForm();
		f.lines = new ArrayList<>(
				lines.stream().map(l -> new LineForm(l.type(), l.knowledgeArea(), l.count(), l.points())).toList());
		return f;
	}

	/** The stored blueprint with empty lines up to ten for the page. */
	public static BlueprintForm of(Blueprint blueprint) {
		BlueprintForm f = of(blueprint.lines());
		f.version = blueprint.version();
		return f.padded();
	}

	public BlueprintForm padded() {
		List<LineForm> l = new ArrayList<>(lines);
		while (l.size() < 10) {
			l.add(new LineForm());
		}
		lines = l;
		return this;
	}

	public List<LineForm> getLines() {
		return lines;
	}

	public void setLines(@Nullable List<LineForm> lines) {
		this.lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
