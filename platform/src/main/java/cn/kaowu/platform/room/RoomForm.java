package cn.kaowu.platform.room;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The room form of the page and the body of the API: subjects are plan subject ids (slots). */
public class RoomForm {

	private @Nullable String name;

	private @Nullable String address;

	private @Nullable String detailAddress;

	private @Nullable Integer seats;

	private List<Long> subjectIds = new ArrayList<>();

	private @Nullable Integer version;

	public static RoomForm of(String name, String address, @Nullable String detailAddress, int seats,
			List<Long> subjectIds) {
		RoomForm f = new RoomForm();
		f.name = name;
		f.address = address;
		f.detailAddress = detailAddress;
		f.seats = seats;
		f.subjectIds = new ArrayList<>(subjectIds);
		return f;
	}

	public static RoomForm of(RoomView room) {
		RoomForm f = of(room.name(), room.address(), room.detailAddress(), room.seats(),
				room.subjects().stream().map(RoomView.Subject::planSubjectId).toList());
		f.version = room.version();
		return f;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getAddress() {
		return address;
	}

	public void setAddress(@Nullable String address) {
		this.address = address;
	}

	public @Nullable String getDetailAddress() {
		return detailAddress;
	}

	public void setDetailAddress(@Nullable String detailAddress) {
		this.detailAddress = detailAddress;
	}

	public @Nullable Integer getSeats() {
		return seats;
	}

	public void setSeats(@Nullable Integer seats) {
		this.seats = seats;
	}

	public List<Long> getSubjectIds() {
		return subjectIds;
	}

	public void setSubjectIds(@Nullable List<Long> subjectIds) {
		this.subjectIds = subjectIds == null ? new ArrayList<>() : subjectIds;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
